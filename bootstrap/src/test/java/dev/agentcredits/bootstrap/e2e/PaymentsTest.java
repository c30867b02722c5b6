package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Declined payments (DOMAIN.md rules 8, 17), with the operator's switch on the simulated gateway.
 */
class PaymentsTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Steps steps = new Steps(SERVICE.api());

  @Test
  void a_declined_purchase_is_payment_failed_and_buys_nothing() {
    var team = SERVICE.teams().build().withMember().create();
    decline(team, true);
    var before = steps.snapshot(team);

    JsonNode problem =
        steps
            .purchase(team, team.member(), team.member().key(), 400)
            .assertProblem(402, "payment_failed");

    assertThat(problem.path("retryable").asBoolean(true)).isFalse();
    steps.assertUnchanged(team, before);
    decline(team, false);
    steps.purchase(team, team.member(), team.member().key(), 400).assertStatus(201);
  }

  @Test
  void a_declined_auto_reload_turns_auto_reload_off_and_the_refusal_says_so() {
    var team = SERVICE.teams().build().withMember().create();
    var member = team.member();
    steps.autoReload(team, member, member.key(), true, 400).assertStatus(200);
    decline(team, true);

    steps.drain(member, 1500);
    JsonNode problem = steps.submit(member.key()).assertProblem(403, "insufficient_credits");

    JsonNode reload = steps.pool(team, member).path("auto_reload");
    assertThat(reload.path("enabled").asBoolean()).isFalse();
    assertThat(reload.path("turned_off_by").asText()).isEqualTo("payment_declined");
    assertThat(problem.path("auto_reload").path("state").asText()).isEqualTo("payment_declined");
    assertThat(
            steps
                .billing(team, team.owner().key())
                .path("spend_cap")
                .path("month_to_date_spend_cents")
                .asLong())
        .isZero();

    decline(team, false);
    steps.autoReload(team, member, member.key(), true, 400).assertStatus(200);
    steps.retry(problem.path("task_id").asText(), member.key()).assertStatus(200);
  }

  @Test
  void only_the_operator_may_make_payments_decline() {
    var team = SERVICE.teams().build().create();

    SERVICE
        .api()
        .put(
            team.path().replace("/teams/", "/ops/teams/") + "/payments",
            team.owner().key(),
            "{\"declined\": true}")
        .assertProblem(403, "not_authorized");
  }

  private void decline(Teams.Team team, boolean declined) {
    JsonNode state =
        SERVICE
            .api()
            .put(
                "/api/v1/ops/teams/" + team.id() + "/payments",
                ServiceExtension.OPERATOR_KEY,
                "{\"declined\": " + declined + "}")
            .assertStatus(200)
            .json();
    assertThat(state.path("declined").asBoolean()).isEqualTo(declined);
  }
}
