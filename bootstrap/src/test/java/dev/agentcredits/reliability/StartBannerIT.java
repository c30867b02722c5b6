package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer sees when starting the jar with {@code --demo}: the banner names the billing page
 * and the docs on the port it listens on, and {@code /health/ready} answers 200 only once the demo
 * teams are provisioned and their keys printed.
 */
class StartBannerIT {
  private static final Figures FIGURES = new Figures(StartBannerIT.class);

  @Test
  void ready_only_after_the_demo_keys_are_printed_and_the_banner_names_the_billing_page() {
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
      FIGURES.add(
          "--demo: /health/ready 200 only after the demo keys were printed; the banner names %s",
          base + "/billing");
    }
    FIGURES.write();
  }
}
