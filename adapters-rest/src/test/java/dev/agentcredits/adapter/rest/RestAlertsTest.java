package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /teams/{team_id}/alerts} over HTTP on real use cases and the in-memory store: every
 * kind of alert, each answer one the OpenAPI document allows.
 */
class RestAlertsTest {
  private static final String OPERATOR = "operator-alerts-key";
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
  void theCapADeclinedReloadAndLowPoolsAreInForceForWhoMaySeeThem() throws Exception {
    JsonNode team =
        call(
            "POST",
            "/api/v1/teams",
            OPERATOR,
            "{\"name\":\"Alerts\",\"plan\":\"BUILD\",\"owner_email\":\"o@example.com\"}",
            201);
    String id = team.path("team_id").asText();
    String base = "/api/v1/teams/" + id;
    String owner = team.path("owner").path("api_key").asText();
    JsonNode bob =
        call(
            "POST",
            base + "/members",
            owner,
            "{\"email\":\"bob@example.com\",\"role\":\"MEMBER\"}",
            201);
    String bobKey = bob.path("api_key").asText();
    String teamKey =
        call("POST", base + "/api-keys", owner, "{\"name\":\"ci\"}", 201).path("api_key").asText();
    assertThat(call("GET", base + "/alerts", owner, null, 200).path("alerts").size()).isZero();

    call(
        "PUT",
        base + "/members/me/auto-reload",
        owner,
        "{\"enabled\":true,\"denomination_credits\":400}",
        200);
    call("PUT", "/api/v1/ops/teams/" + id + "/payments", OPERATOR, "{\"declined\":true}", 200);
    spend(owner, 1_490);
    call("PUT", "/api/v1/ops/teams/" + id + "/payments", OPERATOR, "{\"declined\":false}", 200);
    call(
        "POST",
        base + "/members/me/add-on-purchases",
        bobKey,
        "{\"denomination_credits\":400}",
        201);
    call("PUT", base + "/spend-cap", owner, "{\"monthly_limit_cents\":1000}", 200);
    spend(bobKey, 1_850);

    JsonNode all = call("GET", base + "/alerts", owner, null, 200).path("alerts");
    assertThat(types(all))
        .containsExactlyInAnyOrder(
            "spend_cap.threshold_reached", "auto_reload.failed", "credits.low", "credits.low");
    assertThat(all.get(0).path("severity").asText()).isEqualTo("critical");
    JsonNode cap = find(all, "spend_cap.threshold_reached");
    assertThat(cap.path("spend_cap").path("threshold_percent").asInt()).isEqualTo(100);
    assertThat(cap.path("spend_cap").path("monthly_limit_cents").asLong()).isEqualTo(1_000);
    assertThat(cap.path("spend_cap").path("month_to_date_spend_cents").asLong()).isEqualTo(1_000);
    assertThat(cap.has("pool")).isFalse();
    JsonNode declined = find(all, "auto_reload.failed");
    assertThat(declined.path("action").asText()).isEqualTo("update_card");
    assertThat(declined.path("pool").path("email").asText()).isEqualTo("o@example.com");

    JsonNode bobs = call("GET", base + "/alerts", bobKey, null, 200).path("alerts");
    assertThat(types(bobs)).containsExactly("spend_cap.threshold_reached", "credits.low");
    JsonNode low = find(bobs, "credits.low");
    assertThat(low.path("pool").path("email").asText()).isEqualTo("bob@example.com");
    assertThat(low.path("balance").path("available_credits").asLong()).isEqualTo(50);
    assertThat(low.path("balance").path("threshold_credits").asLong()).isEqualTo(100);
    assertThat(low.path("balance").path("auto_reload").asText()).isEqualTo("off");
    assertThat(low.path("raised_at").asText()).isNotEmpty();

    call("GET", base + "/alerts", teamKey, null, 403);
    call("GET", base + "/alerts", null, null, 401);
  }

  /** Uses up {@code credits} of the key holder's pool through a run of theirs. */
  private static void spend(String key, long credits) throws Exception {
    String task =
        call("POST", "/api/v1/agent/tasks", key, "{\"prompt\":\"spend\"}", 201)
            .path("task_id")
            .asText();
    call(
        "POST",
        "/api/v1/agent/tasks/" + task + "/usage",
        OPERATOR,
        "{\"usage_id\":\"" + task + "-u\",\"credits\":" + credits + "}",
        200);
    call("POST", "/api/v1/agent/tasks/" + task + "/complete", key, "", 200);
  }

  private static List<String> types(JsonNode alerts) {
    List<String> types = new ArrayList<>();
    alerts.forEach(a -> types.add(a.path("type").asText()));
    return types;
  }

  private static JsonNode find(JsonNode alerts, String type) {
    for (JsonNode alert : alerts) {
      if (alert.path("type").asText().equals(type)) {
        return alert;
      }
    }
    throw new AssertionError("no " + type + " in " + alerts);
  }

  private static JsonNode call(String method, String path, String key, String body, int status)
      throws Exception {
    return api.call(method, path, key, body, status);
  }
}
