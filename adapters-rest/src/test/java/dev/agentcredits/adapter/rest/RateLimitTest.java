package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The per-key limit over HTTP: the request over the burst is 429 and never reaches a use case. */
class RateLimitTest {
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(OpenApiDocument.load().json())
          .build();
  private static final StubApplication STUB = new StubApplication();
  private static RestApi api;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    var settings =
        RestSettings.of(List.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .withRateLimit(new RateLimit(1, 3));
    api = RestFixtures.api(STUB.build(), settings).start(0);
  }

  @AfterAll
  static void stop() {
    api.stop();
  }

  @Test
  void answers_the_request_over_the_burst_with_rate_limited_and_retry_after() throws Exception {
    for (int i = 0; i < 3; i++) {
      // the stub has no manual clock: the use case answers, so the request got through
      assertThat(clock("operator-test-key").statusCode()).isEqualTo(403);
    }

    var limited = clock("operator-test-key");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(limited.headers().firstValue("Retry-After")).contains("1");
    JsonNode problem = new ObjectMapper().readTree(limited.body());
    assertThat(problem.path("code").asText()).isEqualTo("rate_limited");
    assertThat(problem.path("retryable").asBoolean()).isTrue();
    var report =
        VALIDATOR.validateResponse(
            "/api/v1/ops/clock",
            Request.Method.POST,
            SimpleResponse.Builder.status(429)
                .withContentType("application/problem+json")
                .withHeader("Retry-After", "1")
                .withBody(limited.body())
                .build());
    assertThat(report.getMessages()).isEmpty();
  }

  @Test
  void does_not_count_requests_without_a_valid_key_nor_open_endpoints() throws Exception {
    for (int i = 0; i < 10; i++) {
      // no store behind the stub: a key it cannot look up is one over the length limit
      assertThat(clock("k".repeat(201)).statusCode()).isEqualTo(401);
      assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }
  }

  private HttpResponse<String> clock(String key) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/v1/ops/clock"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"advance_seconds\": 0}"))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
