package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API.md "Alerts and webhooks" over HTTP, on real use cases and the in-memory store; every answer,
 * refusals included, is one the OpenAPI document allows. Nothing is delivered here (no worker
 * runs): bootstrap's end-to-end test delivers to a real receiver.
 */
class RestWebhooksTest {
  private static final String OPERATOR = "operator-webhooks-key";
  private static final String URL = "https://hooks.example.com/agent-credits";
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
  void anEndpointIsRegisteredListedTestedAndDeleted() throws Exception {
    Team team = team();
    String endpoints = "/api/v1/teams/" + team.id + "/webhook-endpoints";

    JsonNode registered =
        api.call(
            "POST",
            endpoints,
            team.ownerKey,
            "{\"url\":\"" + URL + "\",\"event_types\":[\"run.*\"],\"description\":\"ops\"}",
            201);
    String id = registered.path("endpoint_id").asText();
    assertThat(registered.path("secret").asText()).startsWith("whsec_");
    assertThat(registered.path("event_types").get(0).asText()).isEqualTo("run.*");

    JsonNode listed = api.call("GET", endpoints, OPERATOR, null, 200);
    assertThat(listed.path("webhook_endpoints").get(0).path("state").asText()).isEqualTo("enabled");
    assertThat(listed.toString()).doesNotContain(registered.path("secret").asText());

    JsonNode test = api.call("POST", endpoints + "/" + id + "/test", team.ownerKey, null, 202);
    assertThat(test.path("event_type").asText()).isEqualTo("webhook.test");
    assertThat(test.path("state").asText()).isEqualTo("pending");

    JsonNode deliveries =
        api.call("GET", endpoints + "/" + id + "/deliveries?limit=1", team.ownerKey, null, 200);
    assertThat(deliveries.path("deliveries").get(0).path("delivery_id").asText())
        .isEqualTo(test.path("delivery_id").asText());
    assertThat(deliveries.path("next_cursor").isNull()).isTrue();
    JsonNode retried =
        api.call(
            "POST",
            endpoints + "/" + id + "/deliveries/" + test.path("delivery_id").asText() + "/retry",
            team.ownerKey,
            null,
            202);
    assertThat(retried.path("state").asText()).isEqualTo("pending");

    api.call("DELETE", endpoints + "/" + id, team.ownerKey, null, 204);
    api.call("DELETE", endpoints + "/" + id, team.ownerKey, null, 404);
    assertThat(api.call("GET", endpoints, team.ownerKey, null, 200).path("webhook_endpoints"))
        .isEmpty();
  }

  @Test
  void destinationsOfTheServicesOwnNetworkAndBadPatternsAre400() throws Exception {
    Team team = team();
    String endpoints = "/api/v1/teams/" + team.id + "/webhook-endpoints";

    for (String url :
        new String[] {
          "https://127.0.0.1/x",
          "https://10.0.0.1/x",
          "https://169.254.169.254/x",
          "http://x.example/x"
        }) {
      JsonNode problem =
          api.call("POST", endpoints, team.ownerKey, "{\"url\":\"" + url + "\"}", 400);
      assertThat(problem.path("code").asText()).isEqualTo("invalid_request");
      assertThat(problem.path("detail").asText()).startsWith("url: ");
    }
    api.call(
        "POST",
        endpoints,
        team.ownerKey,
        "{\"url\":\"" + URL + "\",\"event_types\":[\"runs.*\"]}",
        400);
    api.call("POST", endpoints, team.ownerKey, "{\"event_types\":[\"run.*\"]}", 400);
    api.call("GET", endpoints + "/whe_none/deliveries?cursor=nope", team.ownerKey, null, 404);
  }

  @Test
  void onlyTheOperatorTheOwnerAndAdminsManageEndpoints() throws Exception {
    Team team = team();
    Team other = team();
    String endpoints = "/api/v1/teams/" + team.id + "/webhook-endpoints";
    String body = "{\"url\":\"" + URL + "\"}";

    api.call("POST", endpoints, team.memberKey, body, 403);
    api.call("GET", endpoints, team.teamKey, null, 403);
    api.call("GET", endpoints, other.ownerKey, null, 403);
    String id = api.call("POST", endpoints, OPERATOR, body, 201).path("endpoint_id").asText();
    api.call(
        "DELETE",
        "/api/v1/teams/" + other.id + "/webhook-endpoints/" + id,
        other.ownerKey,
        null,
        404);
    api.call(
        "GET",
        endpoints
            + "/"
            + id
            + "/deliveries?cursor="
            + URLEncoder.encode("x", StandardCharsets.UTF_8),
        OPERATOR,
        null,
        400);
  }

  private record Team(String id, String ownerKey, String memberKey, String teamKey) {}

  private Team team() throws Exception {
    JsonNode team =
        api.call(
            "POST",
            "/api/v1/teams",
            OPERATOR,
            "{\"name\":\"Hooks\",\"plan\":\"BUILD\",\"owner_email\":\"o@example.com\"}",
            201);
    String id = team.path("team_id").asText();
    String ownerKey = team.path("owner").path("api_key").asText();
    JsonNode member =
        api.call(
            "POST",
            "/api/v1/teams/" + id + "/members",
            ownerKey,
            "{\"email\":\"m@example.com\",\"role\":\"MEMBER\"}",
            201);
    JsonNode key =
        api.call("POST", "/api/v1/teams/" + id + "/api-keys", ownerKey, "{\"name\":\"ci\"}", 201);
    return new Team(id, ownerKey, member.path("api_key").asText(), key.path("api_key").asText());
  }
}
