package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer sees when starting the jar with {@code --demo}: the banner names the billing page
 * and the docs on the port it listens on, and {@code /health/ready} answers 200 only once the demo
 * teams are provisioned and their keys printed; with simulated payments (the default) the demo
 * BUILD team has the simulated card, so its page shows "Visa ••4242" and no empty card.
 */
class StartBannerIT {
  private static final Figures FIGURES = new Figures(StartBannerIT.class);

  @Test
  void ready_only_after_the_demo_keys_are_printed_and_the_banner_names_the_billing_page()
      throws Exception {
    var service =
        new JarService(
            Map.of(
                "AGENT_CREDITS_STORE", "memory",
                "AGENT_CREDITS_BROKER", "memory",
                "AGENT_CREDITS_DEMO", "true"),
            Path.of("target", "reliability", "start-banner.log"));
    try (service) {
      service.start(); // returns at the first 200 from /health/ready

      String output = service.output();
      String base = "http://localhost:" + service.port();
      assertThat(output)
          .as("printed before ready")
          .contains("export BASE=" + base + "/api/v1 ")
          .contains("MEMBER_KEY=");
      assertThat(output)
          .contains("Billing page: " + base + "/billing")
          .contains("API docs: " + base + "/docs")
          .contains("Health: " + base + "/health/ready");
      String billing =
          get(
              base + "/api/v1/teams/" + exported(output, "TEAM") + "/billing",
              exported(output, "OWNER_KEY"));
      assertThat(billing)
          .as("the demo BUILD team's card")
          .contains("\"brand\":\"visa\"", "\"last4\":\"4242\"");
      FIGURES.add(
          "--demo: /health/ready 200 only after the demo keys were printed; the banner names %s",
          base + "/billing");
    }
    FIGURES.write();
  }

  /** The value of {@code NAME=value} on the printed export line. */
  private static String exported(String output, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=(\\S+)").matcher(output);
    assertThat(m.find()).as("%s= printed", name).isTrue();
    return m.group(1);
  }

  private static String get(String url, String key) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + key)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
      return response.body();
    }
  }
}
