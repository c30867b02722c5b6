package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lists and the run lifecycle of API.md "Lists and lifecycle" over HTTP, on real use cases and
 * the in-memory store; every answer, refusals included, is one the OpenAPI document allows.
 */
class RestListsTest {
  private static final String OPERATOR = "operator-lists-key";
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
  void runsArePagedNewestFirstAndAMemberSeesOnlyTheirOwn() throws Exception {
    Team team = team();
    String first = submit(team.bobKey);
    String second = submit(team.bobKey);
    String owners = submit(team.ownerKey);

    JsonNode page = call("GET", "/api/v1/agent/tasks?limit=2", team.ownerKey, null, 200);
    assertThat(page.path("tasks").size()).isEqualTo(2);
    assertThat(page.path("tasks").get(0).path("created_at").asText()).isNotEmpty();
    String cursor = page.path("next_cursor").asText();
    JsonNode last =
        call(
            "GET",
            "/api/v1/agent/tasks?limit=2&cursor=" + encode(cursor),
            team.ownerKey,
            null,
            200);
    assertThat(last.path("next_cursor").isNull()).isTrue();
    List<String> seen = new ArrayList<>(ids(page));
    seen.addAll(ids(last));
    assertThat(seen).containsExactlyInAnyOrder(first, second, owners);
    assertThat(seen.indexOf(second)).isLessThan(seen.indexOf(first));

    assertThat(ids(call("GET", "/api/v1/agent/tasks", team.bobKey, null, 200)))
        .containsExactlyInAnyOrder(first, second);
    assertThat(ids(call("GET", "/api/v1/agent/tasks?team_id=" + team.id, OPERATOR, null, 200)))
        .hasSize(3);
    assertThat(
            ids(
                call(
                    "GET",
                    "/api/v1/agent/tasks?state=QUEUED&member_id=" + team.bobId,
                    team.teamKey,
                    null,
                    200)))
        .containsExactlyInAnyOrder(first, second);
    call("GET", "/api/v1/agent/tasks?member_id=" + team.ownerId, team.bobKey, null, 403);
  }

  @Test
  void badListFiltersAreInvalidRequests() throws Exception {
    Team team = team();
    for (String query :
        List.of("state=RUNNING", "limit=0", "limit=101", "limit=ten", "cursor=not-a-cursor")) {
      JsonNode problem = call("GET", "/api/v1/agent/tasks?" + query, team.ownerKey, null, 400);
      assertThat(problem.path("code").asText()).as(query).isEqualTo("invalid_request");
    }
    call("GET", "/api/v1/agent/tasks", OPERATOR, null, 400);
    call("GET", "/api/v1/agent/tasks?team_id=" + team().id, team.ownerKey, null, 403);
  }

  @Test
  void aCancelledRunKeepsItsChargesAndTheUsageShowsThem() throws Exception {
    Team team = team();
    String task = submit(team.bobKey);
    call(
        "POST",
        "/api/v1/agent/tasks/" + task + "/usage",
        OPERATOR,
        "{\"usage_id\":\"u-1\",\"credits\":35}",
        200);

    JsonNode cancelled =
        call("POST", "/api/v1/agent/tasks/" + task + "/cancel", team.bobKey, "", 200);
    assertThat(cancelled.path("state").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.path("charged_credits").asLong()).isEqualTo(35);
    assertThat(cancelled.path("held_credits").asLong()).isZero();
    JsonNode again = call("POST", "/api/v1/agent/tasks/" + task + "/cancel", team.bobKey, "", 409);
    assertThat(again.path("code").asText()).isEqualTo("conflict");
    JsonNode pool =
        call("GET", "/api/v1/teams/" + team.id + "/members/me/pool", team.bobKey, null, 200);
    assertThat(pool.path("available_credits").asLong()).isEqualTo(1_500 - 35);

    JsonNode usage = call("GET", "/api/v1/teams/" + team.id + "/usage", team.ownerKey, null, 200);
    assertThat(usage.path("days").size()).isEqualTo(30);
    long charged = 0;
    for (JsonNode day : usage.path("days")) {
      charged += day.path("credits_charged").asLong();
    }
    assertThat(charged).isEqualTo(35);
    assertThat(usage.path("members").get(0).path("member_id").asText()).isEqualTo(team.bobId);
    assertThat(usage.path("members").get(0).path("credits_charged").asLong()).isEqualTo(35);
    JsonNode bobs = call("GET", "/api/v1/teams/" + team.id + "/usage", team.bobKey, null, 200);
    assertThat(bobs.path("members").size()).isEqualTo(1);

    String day = usage.path("to").asText();
    JsonNode oneDay =
        call(
            "GET",
            "/api/v1/teams/"
                + team.id
                + "/usage?from="
                + day
                + "&to="
                + day
                + "&member_id="
                + team.bobId,
            team.ownerKey,
            null,
            200);
    assertThat(oneDay.path("days").size()).isEqualTo(1);
    call("GET", "/api/v1/teams/" + team.id + "/usage?from=2025-13-01", team.ownerKey, null, 400);
    call(
        "GET",
        "/api/v1/teams/" + team.id + "/usage?from=2025-01-02&to=2025-01-01",
        team.ownerKey,
        null,
        400);
    call(
        "GET",
        "/api/v1/teams/" + team.id + "/usage?from=2024-01-01&to=2025-01-01",
        team.ownerKey,
        null,
        400);
    call("GET", "/api/v1/teams/" + team.id + "/usage", team.teamKey, null, 403);
  }

  @Test
  void membersAndTeamKeysAreListedWithoutSecrets() throws Exception {
    Team team = team();

    JsonNode members =
        call("GET", "/api/v1/teams/" + team.id + "/members", team.ownerKey, null, 200);
    assertThat(members.path("members").size()).isEqualTo(2);
    JsonNode self = call("GET", "/api/v1/teams/" + team.id + "/members", team.bobKey, null, 200);
    assertThat(self.path("members").size()).isEqualTo(1);
    assertThat(self.path("members").get(0).path("role").asText()).isEqualTo("MEMBER");
    call("GET", "/api/v1/teams/" + team.id + "/members", team.teamKey, null, 403);

    JsonNode keys = call("GET", "/api/v1/teams/" + team.id + "/api-keys", team.ownerKey, null, 200);
    JsonNode key = keys.path("api_keys").get(0);
    assertThat(keys.path("api_keys").size()).isEqualTo(1);
    assertThat(key.path("name").asText()).isEqualTo("ci");
    assertThat(key.has("revoked_at")).isFalse();
    assertThat(keys.toString()).doesNotContain(team.teamKey);
    call(
        "DELETE",
        "/api/v1/teams/" + team.id + "/api-keys/" + key.path("key_id").asText(),
        OPERATOR,
        null,
        204);
    JsonNode revoked = call("GET", "/api/v1/teams/" + team.id + "/api-keys", OPERATOR, null, 200);
    assertThat(revoked.path("api_keys").get(0).path("revoked_at").asText()).isNotEmpty();
    call("GET", "/api/v1/teams/" + team.id + "/api-keys", team.bobKey, null, 403);
  }

  private record Team(
      String id, String ownerId, String ownerKey, String bobId, String bobKey, String teamKey) {}

  private Team team() throws Exception {
    JsonNode team =
        call(
            "POST",
            "/api/v1/teams",
            OPERATOR,
            "{\"name\":\"Lists\",\"plan\":\"BUILD\",\"owner_email\":\"o@example.com\"}",
            201);
    String id = team.path("team_id").asText();
    String ownerKey = team.path("owner").path("api_key").asText();
    JsonNode bob =
        call(
            "POST",
            "/api/v1/teams/" + id + "/members",
            ownerKey,
            "{\"email\":\"bob@example.com\",\"role\":\"MEMBER\"}",
            201);
    JsonNode key =
        call("POST", "/api/v1/teams/" + id + "/api-keys", ownerKey, "{\"name\":\"ci\"}", 201);
    return new Team(
        id,
        team.path("owner").path("member_id").asText(),
        ownerKey,
        bob.path("member_id").asText(),
        bob.path("api_key").asText(),
        key.path("api_key").asText());
  }

  private String submit(String key) throws Exception {
    return call("POST", "/api/v1/agent/tasks", key, "{\"prompt\":\"fix it\"}", 201)
        .path("task_id")
        .asText();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("tasks").forEach(t -> ids.add(t.path("task_id").asText()));
    return ids;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private JsonNode call(String method, String path, String key, String body, int status)
      throws Exception {
    return api.call(method, path, key, body, status);
  }
}
