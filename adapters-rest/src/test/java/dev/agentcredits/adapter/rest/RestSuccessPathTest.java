package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Success paths through real use cases on the in-memory store: each answer has the status and body
 * API.md gives, and the OpenAPI document allows it.
 */
class RestSuccessPathTest {
  private static final String OPERATOR = "operator-success-key";
  private static MemoryApi api;

  @BeforeAll
  static void start() {
    api = MemoryApi.start(OPERATOR);
  }

  @AfterAll
  static void stop() {
    api.close();
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

  private JsonNode call(String method, String path, String key, String body, int status)
      throws Exception {
    return api.call(method, path, key, body, status);
  }
}
