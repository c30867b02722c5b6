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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lists and the run lifecycle of API.md "Lists and lifecycle" over HTTP, on real use cases and
 * the in-memory store; every answer, refusals included, is one the OpenAPI document allows.
 */
class RestListsTest {
  private static final String OPERATOR = "operator-lists-key";
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
