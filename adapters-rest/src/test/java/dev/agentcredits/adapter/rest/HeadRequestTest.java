package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HEAD is GET without the body: the same key check and the same status, never a free 200. */
class HeadRequestTest {
  private static RestApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api =
        RestFixtures.api(
                new StubApplication().build(),
                RestSettings.of(List.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
            .start(0);
  }

  @AfterAll
  static void stop() {
    api.stop();
  }

  @Test
  void answers_head_without_a_key_as_get_would_authentication_required() throws Exception {
    var response = head("/api/v1/teams/team_1/billing", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void answers_head_on_an_open_endpoint_as_get_would() throws Exception {
    var response = head("/health/live", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void answers_head_on_a_path_without_get_like_any_other_method_it_does_not_take()
      throws Exception {
    var response = head("/api/v1/teams", StubApplication.OPERATOR_KEY);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }

  private HttpResponse<String> head(String path, String key) throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody());
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }
}
