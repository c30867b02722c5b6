package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Provisioning, what each role sees, and the operational endpoints outside the billing story. */
class ProvisioningAndOperationsTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Api api = SERVICE.api();
  private final Steps steps = new Steps(api);

  @Test
  void the_operator_provisions_a_team_whose_keys_work_at_once() {
    JsonNode team =
        api.post(
                "/api/v1/teams",
                ServiceExtension.OPERATOR_KEY,
                "{\"name\": \"Acme\", \"plan\": \"MAX\", \"owner_email\": \"boss@acme.test\"}")
            .assertStatus(201)
            .json();

    assertThat(team.path("plan").asText()).isEqualTo("MAX");
    assertThat(team.path("owner").path("role").asText()).isEqualTo("OWNER");
    assertThat(team.path("owner").path("email").asText()).isEqualTo("boss@acme.test");
    String path = "/api/v1/teams/" + team.path("team_id").asText();
    String ownerKey = team.path("owner").path("api_key").asText();
    JsonNode admin =
        api.post(path + "/members", ownerKey, "{\"email\": \"ops@acme.test\", \"role\": \"ADMIN\"}")
            .assertStatus(201)
            .json();
    assertThat(admin.path("role").asText()).isEqualTo("ADMIN");
    JsonNode pool =
        api.get(path + "/members/me/pool", admin.path("api_key").asText()).assertStatus(200).json();
    assertThat(pool.path("plan_credits").asLong()).isEqualTo(10_000);
    assertThat(pool.path("member_id").asText()).isEqualTo(admin.path("member_id").asText());
  }

  @Test
  void a_revoked_team_api_key_stops_working_at_once() {
    var team = SERVICE.teams().build().withAdmin().withTeamKey().create();
    steps.submit(team.teamKey()).assertStatus(201);

    api.delete(team.path() + "/api-keys/" + team.teamKeyId(), team.admin().key()).assertStatus(204);

    steps.submit(team.teamKey()).assertProblem(401, "authentication_required");
    api.delete(team.path() + "/api-keys/" + team.teamKeyId(), team.owner().key()).assertStatus(204);
  }

  @Test
  void a_member_sees_only_their_own_pool_and_the_owner_sees_every_pool() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();

    JsonNode asMember = steps.billing(team, team.member().key());
    JsonNode asOwner = steps.billing(team, team.owner().key());

    assertThat(memberIds(asMember)).containsExactly(team.member().id());
    assertThat(memberIds(asOwner))
        .containsExactlyInAnyOrder(team.owner().id(), team.admin().id(), team.member().id());
    assertThat(asOwner.path("spend_cap").path("monthly_limit_cents").asLong()).isEqualTo(20_000);
    assertThat(asOwner.path("plan").asText()).isEqualTo("BUILD");
  }

  @Test
  void the_ledger_pages_newest_first_and_names_what_paid() {
    var team = SERVICE.teams().build().withMember().create();
    String task = steps.accepted(team.member().key());
    steps.usage(task, 30).assertStatus(200);
    steps.complete(task, team.member().key()).assertStatus(200);

    JsonNode first =
        api.get(team.path() + "/ledger?limit=2", team.owner().key()).assertStatus(200).json();
    String cursor = first.path("next_cursor").asText();
    JsonNode second =
        api.get(team.path() + "/ledger?limit=200&cursor=" + cursor, team.owner().key())
            .assertStatus(200)
            .json();

    assertThat(first.path("entries")).hasSize(2);
    assertThat(cursor).isNotBlank();
    assertThat(second.path("next_cursor").isNull()).isTrue();
    Set<String> ids = new HashSet<>();
    first.path("entries").forEach(e -> ids.add(e.path("entry_id").asText()));
    second.path("entries").forEach(e -> assertThat(ids.add(e.path("entry_id").asText())).isTrue());
    List<JsonNode> charges = new ArrayList<>();
    first.path("entries").forEach(charges::add);
    second.path("entries").forEach(charges::add);
    assertThat(charges)
        .filteredOn(e -> e.path("kind").asText().startsWith("charged"))
        .allSatisfy(e -> {
          assertThat(e.path("task_id").asText()).isEqualTo(task);
          assertThat(e.path("source_kind").asText()).isEqualTo("plan");
        })
        .extracting(e -> e.path("credits").asLong())
        .containsExactlyInAnyOrder(20L, 10L);
    JsonNode memberView =
        api.get(team.path() + "/ledger", team.member().key()).assertStatus(200).json();
    memberView
        .path("entries")
        .forEach(e -> assertThat(e.path("pool_id").asText()).contains(team.member().id()));
  }

  @Test
  void health_metrics_and_documents_are_served_without_a_key() {
    var team = SERVICE.teams().build().withMember().create();
    steps.submit(team.member().key()).assertStatus(201);

    assertThat(api.get("/health/live", null).assertStatus(200).json().path("status").asText())
        .isEqualTo("UP");
    JsonNode ready = api.get("/health/ready", null).assertStatus(200).json();
    assertThat(ready.path("checks").path("store").asText()).isEqualTo("UP");
    assertThat(ready.path("checks").path("broker").asText()).isEqualTo("UP");
    String metrics = api.get("/metrics", null).assertStatus(200).body();
    assertThat(metrics)
        .contains(
            "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/agent/tasks\",status=\"201\"}")
        .contains("agent_credits_runs_accepted_total{trigger=\"user\"}")
        .contains("agent_credits_outbox_depth")
        .contains("agent_credits_relay_lag_seconds");
    JsonNode served = api.get("/api/v1/openapi.json", null).assertStatus(200).json();
    assertThat(served).isEqualTo(ContractCoverage.TREE);
    assertThat(api.get("/", null).assertStatus(302).header("Location")).contains("/billing");
    assertThat(api.get("/billing", null).assertStatus(200).body())
        .contains("<label for=\"api-key\">API key</label>", "Sign in")
        .doesNotContain("http://", "https://");
    for (String docs : List.of("/docs", "/api/v1/docs")) {
      Reply page = api.get(docs, null).assertStatus(200);
      assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
      assertThat(page.body())
          .contains("/webjars/swagger-ui/", "swagger-ui-bundle.js", "/docs/docs.js")
          .doesNotContain("http://", "https://");
    }
  }

  @Test
  void every_answer_carries_the_trace_id_of_the_request() {
    String traceId = "0af7651916cd43dd8448eb211c80319c";

    Reply reply =
        api.request("GET", "/api/v1/agent/tasks/task_nope")
            .key(ServiceExtension.OPERATOR_KEY)
            .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
            .send();

    assertThat(reply.assertProblem(404, "resource_not_found").path("trace_id").asText())
        .isEqualTo(traceId);
    assertThat(reply.header("traceparent").orElseThrow()).startsWith("00-" + traceId + "-");
  }

  private static List<String> memberIds(JsonNode billing) {
    List<String> ids = new ArrayList<>();
    billing.path("pools").forEach(p -> ids.add(p.path("member_id").asText()));
    return ids;
  }
}
