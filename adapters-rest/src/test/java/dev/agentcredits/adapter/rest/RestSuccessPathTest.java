package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.application.memory.InMemoryPersistence;
import dev.agentcredits.application.testing.TestApplication;
import dev.agentcredits.application.testing.TestPayments;
import dev.agentcredits.application.testing.TestSecrets;
import dev.agentcredits.domain.terms.BillingTerms;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Success paths through real use cases on the in-memory store: each answer has the status and body
 * API.md gives, and the OpenAPI document allows it.
 */
class RestSuccessPathTest {
  private static final String OPERATOR = "operator-success-key";
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(OpenApiDocument.load().json())
          .build();
  private static RestApi api;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    var store = new InMemoryPersistence();
    var payments = new TestPayments();
    var secrets = new TestSecrets();
    var app =
        TestApplication.wire(
            new TestApplication.Ports(
                store.stores(),
                store.transactions(),
                payments,
                secrets,
                secrets,
                Clock.systemUTC(),
                timeKeeping -> Optional.empty(),
                Optional.of(payments)),
            BillingTerms.defaults(),
            OPERATOR);
    var settings =
        RestSettings.of(List.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    api = new RestApi(RestFixtures.useCases(app), settings).start(0);
  }

  @AfterAll
  static void stop() {
    api.stop();
  }

  @Test
  void aTeamIsProvisionedAndItsMemberRunsBuysAndSeesTheLedger() throws Exception {
    JsonNode team = call("POST", "/api/v1/teams", OPERATOR, body("BUILD"), 201);
    String teamId = team.path("team_id").asText();
    String ownerKey = team.path("owner").path("api_key").asText();
    assertThat(team.path("owner").path("role").asText()).isEqualTo("OWNER");

    JsonNode member =
        call(
            "POST",
            "/api/v1/teams/" + teamId + "/members",
            ownerKey,
            "{\"email\":\"bob@example.com\",\"role\":\"MEMBER\"}",
            201);
    String bobKey = member.path("api_key").asText();

    JsonNode run = call("POST", "/api/v1/agent/tasks", bobKey, "{\"prompt\":\"fix it\"}", 201);
    String task = run.path("task_id").asText();
    assertThat(run.path("state").asText()).isEqualTo("QUEUED");
    assertThat(run.path("trigger").asText()).isEqualTo("USER");
    assertThat(run.path("billed_pool").path("member_id").asText())
        .isEqualTo(member.path("member_id").asText());
    assertThat(run.path("held_credits").asLong()).isEqualTo(20);

    JsonNode charged =
        call(
            "POST",
            "/api/v1/agent/tasks/" + task + "/usage",
            OPERATOR,
            "{\"usage_id\":\"u-1\",\"credits\":35}",
            200);
    assertThat(charged.path("charged_credits").asLong()).isEqualTo(35);
    JsonNode done = call("POST", "/api/v1/agent/tasks/" + task + "/complete", bobKey, "", 200);
    assertThat(done.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(call("GET", "/api/v1/agent/tasks/" + task, bobKey, null, 200).path("state").asText())
        .isEqualTo("SUCCEEDED");

    JsonNode purchase =
        call(
            "POST",
            "/api/v1/teams/" + teamId + "/members/me/add-on-purchases",
            bobKey,
            "{\"denomination_credits\":400}",
            201);
    assertThat(purchase.path("price_cents").asLong()).isEqualTo(1_000);
    JsonNode pool = call("GET", "/api/v1/teams/" + teamId + "/members/me/pool", bobKey, null, 200);
    assertThat(pool.path("addon_credits").asLong()).isEqualTo(400);
    assertThat(pool.path("plan_credits").asLong()).isEqualTo(1_500 - 35);

    JsonNode reload =
        call(
            "PUT",
            "/api/v1/teams/" + teamId + "/members/me/auto-reload",
            bobKey,
            "{\"enabled\":true,\"denomination_credits\":1000}",
            200);
    assertThat(reload.path("enabled").asBoolean()).isTrue();
    JsonNode cap =
        call(
            "PUT",
            "/api/v1/teams/" + teamId + "/spend-cap",
            ownerKey,
            "{\"monthly_limit_cents\":30000}",
            200);
    assertThat(cap.path("month_to_date_spend_cents").asLong()).isEqualTo(1_000);

    JsonNode billing = call("GET", "/api/v1/teams/" + teamId + "/billing", ownerKey, null, 200);
    assertThat(billing.path("pools").size()).isEqualTo(2);
    JsonNode ledger =
        call("GET", "/api/v1/teams/" + teamId + "/ledger?limit=50", ownerKey, null, 200);
    assertThat(ledger.path("entries").size()).isGreaterThan(3);
  }

  @Test
  void teamKeysAreIssuedAndRevokedAndEnterpriseGrantsFundTheTeamPool() throws Exception {
    JsonNode team = call("POST", "/api/v1/teams", OPERATOR, body("ENTERPRISE"), 201);
    String teamId = team.path("team_id").asText();
    String expires = Instant.now().plusSeconds(86_400).toString();

    JsonNode grant =
        call(
            "POST",
            "/api/v1/teams/" + teamId + "/grants",
            OPERATOR,
            "{\"credits\":5000,\"expires_at\":\"" + expires + "\"}",
            201);
    assertThat(grant.path("credits").asLong()).isEqualTo(5_000);
    JsonNode key =
        call("POST", "/api/v1/teams/" + teamId + "/api-keys", OPERATOR, "{\"name\":\"ci\"}", 201);
    String teamKey = key.path("api_key").asText();

    JsonNode run = call("POST", "/api/v1/agent/tasks", teamKey, "{\"prompt\":\"audit\"}", 201);
    assertThat(run.path("trigger").asText()).isEqualTo("TEAM_API_KEY");
    assertThat(run.path("billed_pool").path("kind").asText()).isEqualTo("TEAM");
    String ownerKey = team.path("owner").path("api_key").asText();
    JsonNode pool = call("GET", "/api/v1/teams/" + teamId + "/pool", ownerKey, null, 200);
    assertThat(pool.path("available_credits").asLong()).isEqualTo(5_000 - 20);

    call(
        "DELETE",
        "/api/v1/teams/" + teamId + "/api-keys/" + key.path("key_id").asText(),
        OPERATOR,
        null,
        204);
    call("POST", "/api/v1/agent/tasks", teamKey, "{\"prompt\":\"again\"}", 401);
  }

  private static String body(String plan) {
    return "{\"name\":\"Success\",\"plan\":\"" + plan + "\",\"owner_email\":\"o@example.com\"}";
  }

  /** Sends the call, checks the status and that the answer is one the document allows. */
  private JsonNode call(String method, String path, String key, String body, int status)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s %s: %s", method, path, response.body())
        .isEqualTo(status);
    String contentType = response.headers().firstValue("Content-Type").orElse("application/json");
    var documented =
        VALIDATOR.validateResponse(
            path.replaceAll("\\?.*", ""),
            Request.Method.valueOf(method),
            SimpleResponse.Builder.status(status)
                .withContentType(contentType.replaceAll(";.*", ""))
                .withBody(response.body())
                .build());
    assertThat(documented.hasErrors()).as("%s %s: %s", method, path, documented).isFalse();
    return Json.MAPPER.readTree(response.body().isEmpty() ? "{}" : response.body());
  }
}
