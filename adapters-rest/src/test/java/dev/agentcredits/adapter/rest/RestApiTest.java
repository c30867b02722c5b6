package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The adapter on its own: a real server over a billing application without a store, so every answer
 * here is decided by the adapter (parsing, keys, routing, errors, documents, shutdown).
 */
class RestApiTest {
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(OpenApiDocument.load().json())
          .build();

  private static final StubApplication STUB = new StubApplication();
  private static final AtomicBoolean STORE_UP = new AtomicBoolean(true);
  private static RestApi api;

  private final HttpClient http = HttpClient.newHttpClient();

  /** One server for the class (stopping waits for idle connections); the stub is reset per test. */
  @BeforeAll
  static void start() {
    api = RestFixtures.api(STUB.build(), settings()).start(0);
  }

  @AfterAll
  static void stop() {
    api.stop();
  }

  @BeforeEach
  void reset() {
    STUB.failure = new IllegalStateException("no store in this test");
    STUB.delay = Duration.ZERO;
    STORE_UP.set(true);
  }

  private static RestSettings settings() {
    return new RestSettings(
        List.of(new HealthCheck("store", STORE_UP::get), new HealthCheck("broker", () -> true)),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        1024,
        Duration.ofSeconds(5));
  }

  @Test
  void answers_a_request_without_a_key_with_authentication_required() throws Exception {
    var response = send("GET", "/api/v1/teams/team_1/billing", null, null, null);

    assertProblem(response, 401, "authentication_required");
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
  }

  @ParameterizedTest
  @CsvSource({"Basic abc", "Bearer", "Bearer ", "bearer two words", "operator-test-key"})
  void answers_a_malformed_authorization_header_with_authentication_required(String header)
      throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/teams"))
                .header("Authorization", header)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertProblem(response, 401, "authentication_required");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\": \"A\", \"plan\": \"BUILD\"}                        | owner_email is required",
        "{\"name\": \"A\", \"plan\": \"BUILD\", \"owner_email\": \"a@b\", \"owner\": {} | unknown field \"owner\"",
        "{\"name\": 5, \"plan\": \"BUILD\", \"owner_email\": \"a@b\"}     | name must be a string",
        "{\"name\": \"A\", \"plan\": \"GOLD\", \"owner_email\": \"a@b\"}  | plan must be one of",
        "{\"name\": \"A\", \"name\": \"B\", \"plan\": \"BUILD\", \"owner_email\": \"a@b\"} | Duplicate field",
        "{\"name\": \"A\", \"plan\": \"BUILD\", \"owner_email\": \"nope\"} | owner_email must be an email address",
        "{\"name\": \"A\\u0000\", \"plan\": \"BUILD\", \"owner_email\": \"a@b.example\"} | name must not contain a NUL character",
        "{\"name\": \"A\", \"plan\": \"BUILD\", \"owner_email\": \"a\\u0000@b.example\"} | owner_email must not contain a NUL character",
        "{\"name\": \"A\", \"plan\": \"BUILD\", \"owner_email\": \"x\\\"><script>alert(1)</script>@example.com\"} | owner_email must be an email address",
        "{\"name\": \"A\", \"plan\": \"BUILD\", \"owner_email\": \"javascript:alert(1)@example.com\"} | owner_email must be an email address",
        "[1, 2]                                                          | must be a JSON object",
        "null                                                            | must be a JSON object",
        "{\"name\": \"A\", \"plan\": \"BUILD\", \"owner_email\": \"a@b\"} x | not valid JSON",
        "{\"name\": \"A\", \"plan\": \"BUILD\", \"owner_email\": \"a@b\"      | not valid JSON",
      })
  void refuses_a_bad_body_with_invalid_request_saying_what_is_wrong(String body, String detail)
      throws Exception {
    var response =
        send("POST", "/api/v1/teams", StubApplication.OPERATOR_KEY, body, "application/json");

    assertProblem(response, 400, "invalid_request");
    assertThat(json(response).path("detail").asText()).contains(detail.strip());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"credits\": -5, \"expires_at\": \"2030-01-01T00:00:00Z\"}                    | credits must not be negative",
        "{\"credits\": 99999999999999999999, \"expires_at\": \"2030-01-01T00:00:00Z\"}  | out of range",
        "{\"credits\": 1.5, \"expires_at\": \"2030-01-01T00:00:00Z\"}                   | credits must be a whole number",
        "{\"credits\": \"10\", \"expires_at\": \"2030-01-01T00:00:00Z\"}                | credits must be a whole number",
        "{\"credits\": 10, \"expires_at\": \"next year\"}                               | expires_at must be an ISO-8601 instant",
        "{\"credits\": 10}                                                           | expires_at is required",
      })
  void refuses_bad_numbers_with_invalid_request(String body, String detail) throws Exception {
    var response =
        send(
            "POST",
            "/api/v1/teams/team_1/grants",
            StubApplication.OPERATOR_KEY,
            body,
            "application/json");

    assertProblem(response, 400, "invalid_request");
    assertThat(json(response).path("detail").asText()).contains(detail.strip());
  }

  @Test
  void refuses_a_body_that_is_not_json() throws Exception {
    var response =
        send("POST", "/api/v1/teams", StubApplication.OPERATOR_KEY, "name=A", "text/plain");

    assertProblem(response, 400, "invalid_request");
    assertThat(json(response).path("detail").asText())
        .contains("Content-Type must be application/json");
  }

  @Test
  void refuses_a_body_over_the_size_limit() throws Exception {
    String body = "{\"name\": \"" + "x".repeat(2000) + "\"}";

    var response =
        send("POST", "/api/v1/teams", StubApplication.OPERATOR_KEY, body, "application/json");

    assertProblem(response, 400, "invalid_request");
    assertThat(json(response).path("detail").asText()).contains("larger than 1024 bytes");
  }

  @Test
  void refuses_an_id_that_cannot_be_one() throws Exception {
    var response =
        send("GET", "/api/v1/teams/bad%20id/billing", StubApplication.OPERATOR_KEY, null, null);

    assertProblem(response, 400, "invalid_request");
  }

  @Test
  void answers_an_unknown_route_with_resource_not_found() throws Exception {
    var response = send("GET", "/api/v1/nothing-here", StubApplication.OPERATOR_KEY, null, null);

    assertProblem(response, 404, "resource_not_found");
    assertThat(json(response).path("instance").asText()).isEqualTo("/api/v1/nothing-here");
  }

  @Test
  void answers_a_wrong_method_with_a_problem_naming_the_methods_the_path_takes() throws Exception {
    var response = send("DELETE", "/api/v1/teams", StubApplication.OPERATOR_KEY, null, null);

    assertProblem(response, 404, "resource_not_found");
    assertThat(response.headers().firstValue("Allow")).contains("POST");
    assertThat(json(response).path("detail").asText()).contains("this path takes POST");
  }

  @Test
  void answers_a_request_jetty_refuses_before_routing_with_a_problem_too() throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", api.port())) {
      socket
          .getOutputStream()
          .write(
              "GET /api/v1/teams/%zz/billing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

      assertThat(answer)
          .startsWith("HTTP/1.1 400")
          .contains("Content-Type: application/problem+json");
      assertThat(answer).contains("\"code\":\"invalid_request\"").doesNotContain("<html");
    }
  }

  @Test
  void answers_an_unreachable_store_with_resource_unavailable() throws Exception {
    STUB.failure = new ResourceUnavailableException("database down", null);

    var response =
        send("GET", "/api/v1/teams/team_1/billing", StubApplication.OPERATOR_KEY, null, null);

    assertProblem(response, 503, "resource_unavailable");
    assertThat(json(response).path("retryable").asBoolean()).isTrue();
  }

  @Test
  void answers_a_fault_with_internal_error_and_no_details_of_it() throws Exception {
    STUB.failure = new IllegalStateException("secret internals");

    var response =
        send("GET", "/api/v1/teams/team_1/billing", StubApplication.OPERATOR_KEY, null, null);

    assertProblem(response, 500, "internal_error");
    assertThat(response.body()).doesNotContain("secret internals").doesNotContain("Exception");
  }

  @Test
  void keeps_the_trace_id_of_a_valid_traceparent() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    var response =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/agent/tasks/task_1"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("X-Trace-Id")).contains(traceId);
    assertThat(response.headers().firstValue("traceparent").orElseThrow())
        .startsWith("00-" + traceId + "-")
        .endsWith("-01");
    assertThat(json(response).path("trace_id").asText()).isEqualTo(traceId);
  }

  @Test
  void makes_a_new_trace_id_when_the_traceparent_is_invalid() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/agent/tasks/task_1"))
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    String traceId = json(response).path("trace_id").asText();
    assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    assertThat(response.headers().firstValue("X-Trace-Id")).contains(traceId);
  }

  @Test
  void is_ready_only_while_every_check_passes() throws Exception {
    assertThat(send("GET", "/health/ready", null, null, null).statusCode()).isEqualTo(200);

    STORE_UP.set(false);
    var response = send("GET", "/health/ready", null, null, null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).path("checks").path("store").asText()).isEqualTo("DOWN");
    assertThat(send("GET", "/health/live", null, null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void serves_metrics_per_route_template() throws Exception {
    send("GET", "/api/v1/agent/tasks/task_1", null, null, null);

    var response = send("GET", "/metrics", null, null, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain");
    assertThat(response.body())
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/agent/tasks/{task_id}\",status=\"401\"}");
  }

  @Test
  void serves_the_openapi_document_without_a_key() throws Exception {
    var document = send("GET", "/api/v1/openapi.json", null, null, null);

    assertThat(json(document).path("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void lets_a_request_in_flight_finish_when_stopping() throws Exception {
    var stub = new StubApplication();
    stub.delay = Duration.ofMillis(1500);
    stub.failure = new ResourceUnavailableException("slow and down", null);
    var own = RestFixtures.api(stub.build(), settings()).start(0);
    int port = own.port();
    CompletableFuture<HttpResponse<String>> slow =
        http.sendAsync(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/teams/team_1/billing"))
                .header("Authorization", "Bearer " + StubApplication.OPERATOR_KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(400);

    own.stop();

    assertThat(slow.get().statusCode()).isEqualTo(503);
    assertThatThrownBy(() ->
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                    .build(),
                HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(java.io.IOException.class);
  }

  private HttpResponse<String> send(
      String method, String path, String key, String body, String contentType) throws Exception {
    var builder =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    validate(method, path, response);
    return response;
  }

  /** Every answer of a documented route must match the document. */
  private static void validate(String method, String path, HttpResponse<String> response) {
    String bare = path.split("\\?")[0];
    if (bare.contains("nothing-here")
        || (method.equals("DELETE") && bare.equals("/api/v1/teams"))) {
      return;
    }
    var builder = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
    response.headers().map().forEach((name, values) -> builder.withHeader(name, values));
    var report =
        VALIDATOR.validateResponse(
            bare, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), builder.build());
    assertThat(report.getMessages())
        .as("%s %s answered %s", method, path, response.body())
        .isEmpty();
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode body = json(response);
    assertThat(body.path("code").asText()).isEqualTo(code);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("type").asText())
        .isEqualTo("/reference/api-and-sdk/troubleshooting/errors/" + code.replace('_', '-') + "/");
    assertThat(body.path("trace_id").asText()).matches("[0-9a-f]{32}");
    assertThat(response.headers().firstValue("X-Trace-Id"))
        .contains(body.path("trace_id").asText());
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + api.port() + path);
  }
}
