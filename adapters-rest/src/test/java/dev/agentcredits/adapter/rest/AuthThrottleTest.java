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

/**
 * Failed authentications throttled per client address over HTTP: once the budget is spent, a key
 * not known to be valid is answered 429 before any look-up (the stub has no key store: a look-up
 * would answer 500), while a key that authenticated before goes on.
 */
class AuthThrottleTest {
  private static final int BURST = 5;
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
            .withAuthThrottle(new AuthThrottle(new RateLimit(1, BURST), false));
    api = RestFixtures.api(STUB.build(), settings).start(0);
  }

  @AfterAll
  static void stop() {
    api.stop();
  }

  @Test
  void bad_keys_beyond_the_budget_get_429_without_a_look_up_while_a_valid_key_goes_on()
      throws Exception {
    // the stub has no manual clock: 403 means the operator key authenticated
    assertThat(clock(StubApplication.OPERATOR_KEY).statusCode()).isEqualTo(403);
    for (int i = 0; i < BURST; i++) {
      // refused without a store (over the length limit), and counted
      assertThat(clock("k".repeat(201)).statusCode()).isEqualTo(401);
    }

    var throttled = clock("an-unknown-key-0123456789");

    assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
    JsonNode problem = new ObjectMapper().readTree(throttled.body());
    assertThat(problem.path("code").asText()).isEqualTo("rate_limited");
    assertThat(problem.path("detail").asText()).contains("failed authentications");
    var report =
        VALIDATOR.validateResponse(
            "/api/v1/ops/clock",
            Request.Method.POST,
            SimpleResponse.Builder.status(429)
                .withContentType("application/problem+json")
                .withHeader("Retry-After", "1")
                .withBody(throttled.body())
                .build());
    assertThat(report.getMessages()).isEmpty();

    assertThat(clock(StubApplication.OPERATOR_KEY).statusCode())
        .as("a key that authenticated before, from the same client")
        .isEqualTo(403);
    var noKey =
        http.send(
            HttpRequest.newBuilder(uri()).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(noKey.statusCode()).as("no key: nothing to look up").isEqualTo(401);

    Thread.sleep(1_100);
    assertThat(clock("k".repeat(201)).statusCode()).as("after Retry-After").isEqualTo(401);
  }

  private HttpResponse<String> clock(String key) throws Exception {
    var request =
        HttpRequest.newBuilder(uri())
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"advance_seconds\": 0}"))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri() {
    return URI.create("http://127.0.0.1:" + api.port() + "/api/v1/ops/clock");
  }
}
