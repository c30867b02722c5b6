package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * API.md "Member limits" (DOMAIN.md rule 24) over HTTP, on real use cases and the in-memory store;
 * every answer, refusals included, is one the OpenAPI document allows.
 */
class RestMemberLimitsTest {
  private static final String OPERATOR = "operator-limits-key";
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
  void aMemberOverTheTeamDefaultIsRefusedWithTheLimitAndTheRunFailed() throws Exception {
    Team team = team();
    JsonNode set =
        call(
            "PUT",
            "/api/v1/teams/" + team.id + "/member-limits",
            team.ownerKey,
            "{\"default_monthly_credits\": 30}",
            200);
    assertThat(set.path("default_monthly_credits").asLong()).isEqualTo(30);

    call("POST", "/api/v1/agent/tasks", team.bobKey, "{\"prompt\":\"one\"}", 201);
    JsonNode refused =
        call("POST", "/api/v1/agent/tasks", team.bobKey, "{\"prompt\":\"two\"}", 403);

    assertThat(refused.path("code").asText()).isEqualTo("budget_exceeded");
    assertThat(refused.path("limit").path("member_id").asText()).isEqualTo(team.bobId);
    assertThat(refused.path("limit").path("monthly_credits").asLong()).isEqualTo(30);
    assertThat(refused.path("limit").path("month_to_date_credits").asLong()).isEqualTo(20);
    assertThat(refused.path("detail").asText()).contains("team owner or an admin");
    JsonNode run =
        call(
            "GET",
            "/api/v1/agent/tasks/" + refused.path("task_id").asText(),
            team.bobKey,
            null,
            200);
    assertThat(run.path("state").asText()).isEqualTo("FAILED");
    assertThat(run.path("error").path("code").asText()).isEqualTo("budget_exceeded");
    JsonNode pool =
        call("GET", "/api/v1/teams/" + team.id + "/members/me/pool", team.bobKey, null, 200);
    assertThat(pool.path("limit").path("monthly_credits").asLong()).isEqualTo(30);
    assertThat(pool.path("limit").path("month_to_date_credits").asLong()).isEqualTo(20);
    JsonNode billing = call("GET", "/api/v1/teams/" + team.id + "/billing", team.bobKey, null, 200);
    assertThat(billing.path("pools").get(0).path("limit").path("monthly_credits").asLong())
        .isEqualTo(30);
  }

  @Test
  void aMembersOwnLimitIsSetReadAndClearedAndUsageOverItStopsTheRun() throws Exception {
    Team team = team();
    String limit = "/api/v1/teams/" + team.id + "/members/" + team.bobId + "/limit";

    JsonNode none = call("GET", limit, team.bobKey, null, 200);
    assertThat(none.path("monthly_credits").isNull()).isTrue();
    assertThat(none.path("effective_monthly_credits").isNull()).isTrue();
    assertThat(none.path("month_to_date_credits").asLong()).isZero();
    JsonNode set = call("PUT", limit, team.adminKey, "{\"monthly_credits\": 50}", 200);
    assertThat(set.path("member_id").asText()).isEqualTo(team.bobId);
    assertThat(set.path("monthly_credits").asLong()).isEqualTo(50);
    assertThat(set.path("effective_monthly_credits").asLong()).isEqualTo(50);

    String task =
        call("POST", "/api/v1/agent/tasks", team.bobKey, "{\"prompt\":\"p\"}", 201)
            .path("task_id")
            .asText();
    JsonNode stopped =
        call(
            "POST",
            "/api/v1/agent/tasks/" + task + "/usage",
            OPERATOR,
            "{\"usage_id\":\"u-1\",\"credits\":60}",
            200);
    assertThat(stopped.path("state").asText()).isEqualTo("FAILED");
    assertThat(stopped.path("error").path("code").asText()).isEqualTo("budget_exceeded");
    assertThat(stopped.path("charged_credits").asLong()).isEqualTo(60);
    JsonNode mine =
        call("GET", "/api/v1/teams/" + team.id + "/members/me/limit", team.bobKey, null, 200);
    assertThat(mine.path("month_to_date_credits").asLong()).isEqualTo(60);

    JsonNode cleared = call("PUT", limit, team.ownerKey, "{\"monthly_credits\": null}", 200);
    assertThat(cleared.path("monthly_credits").isNull()).isTrue();
    assertThat(cleared.path("effective_monthly_credits").isNull()).isTrue();
    JsonNode all =
        call("GET", "/api/v1/teams/" + team.id + "/member-limits", team.adminKey, null, 200);
    assertThat(all.path("default_monthly_credits").isNull()).isTrue();
    assertThat(all.path("members").size()).isEqualTo(3);
  }

  @Test
  void onlyTheOwnerOrAnAdminSetsLimitsAndAMemberReadsOnlyTheirOwn() throws Exception {
    Team team = team();
    String teamLimits = "/api/v1/teams/" + team.id + "/member-limits";
    String owners = "/api/v1/teams/" + team.id + "/members/" + team.ownerId + "/limit";
    String bobs = "/api/v1/teams/" + team.id + "/members/" + team.bobId + "/limit";

    for (String key : new String[] {team.bobKey, team.teamKey}) {
      assertNotAuthorized(call("PUT", teamLimits, key, "{\"default_monthly_credits\": 1}", 403));
      assertNotAuthorized(call("PUT", bobs, key, "{\"monthly_credits\": 9999}", 403));
      assertNotAuthorized(call("GET", teamLimits, key, null, 403));
    }
    assertNotAuthorized(call("GET", owners, team.bobKey, null, 403));
    call("GET", bobs, team.bobKey, null, 200);
    call("GET", owners, team.adminKey, null, 200);
    call("GET", owners, OPERATOR, null, 200);
    call("PUT", teamLimits, OPERATOR, "{\"default_monthly_credits\": 100}", 200);
    Team other = team();
    assertNotAuthorized(call("GET", bobs, other.ownerKey, null, 403));
    call(
        "GET",
        "/api/v1/teams/" + team.id + "/members/" + other.bobId + "/limit",
        team.ownerKey,
        null,
        404);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"monthly_credits\": -1}                 | from 0 to 100000000",
        "{\"monthly_credits\": 100000001}          | from 0 to 100000000",
        "{\"monthly_credits\": 99999999999999999999} | from 0 to 100000000",
        "{\"monthly_credits\": 1.5}                | whole number",
        "{\"monthly_credits\": 1e3}                | whole number",
        "{\"monthly_credits\": \"500\"}            | whole number",
        "{\"monthly_credits\": true}               | whole number",
        "{}                                       | monthly_credits is required",
        "{\"monthly_credits\": 5, \"x\": 1}        | unknown field",
      })
  void aBadLimitIsAnInvalidRequestSayingWhatIsWrong(String body, String detail) throws Exception {
    Team team = team();
    String bobs = "/api/v1/teams/" + team.id + "/members/" + team.bobId + "/limit";

    JsonNode problem = call("PUT", bobs, team.ownerKey, body, 400);

    assertThat(problem.path("code").asText()).isEqualTo("invalid_request");
    assertThat(problem.path("detail").asText()).contains(detail.strip());
    JsonNode teamProblem =
        call(
            "PUT",
            "/api/v1/teams/" + team.id + "/member-limits",
            team.ownerKey,
            body.replace("monthly_credits", "default_monthly_credits"),
            400);
    assertThat(teamProblem.path("code").asText()).isEqualTo("invalid_request");
  }

  private static void assertNotAuthorized(JsonNode problem) {
    assertThat(problem.path("code").asText()).isEqualTo("not_authorized");
  }

  private record Team(
      String id,
      String ownerId,
      String ownerKey,
      String adminKey,
      String bobId,
      String bobKey,
      String teamKey) {}

  private Team team() throws Exception {
    JsonNode team =
        call(
            "POST",
            "/api/v1/teams",
            OPERATOR,
            "{\"name\":\"Limits\",\"plan\":\"BUILD\",\"owner_email\":\"o@example.com\"}",
            201);
    String id = team.path("team_id").asText();
    String ownerKey = team.path("owner").path("api_key").asText();
    JsonNode admin =
        call(
            "POST",
            "/api/v1/teams/" + id + "/members",
            ownerKey,
            "{\"email\":\"admin@example.com\",\"role\":\"ADMIN\"}",
            201);
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
        admin.path("api_key").asText(),
        bob.path("member_id").asText(),
        bob.path("api_key").asText(),
        key.path("api_key").asText());
  }

  private JsonNode call(String method, String path, String key, String body, int status)
      throws Exception {
    return api.call(method, path, key, body, status);
  }
}
