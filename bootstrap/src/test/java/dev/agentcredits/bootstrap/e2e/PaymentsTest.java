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

  @Test
  void without_a_card_purchases_work_and_no_card_is_reported_until_one_is_set_up() {
    var team = SERVICE.teams().build().withMember().create();

    SERVICE
        .api()
        .get(team.path() + "/payment-method", team.owner().key())
        .assertProblem(404, "resource_not_found");
    assertThat(steps.billing(team, team.owner().key()).has("payment_method")).isFalse();
    steps.purchase(team, team.member(), team.member().key(), 400).assertStatus(201);
  }

  @Test
  void a_simulated_setup_session_returns_to_the_page_and_saves_a_simulated_card() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();
    String returnUrl = "http://localhost:8080/billing?x=1";

    JsonNode session = setupSession(team, team.admin().key(), returnUrl).assertStatus(201).json();
    String id = session.path("session_id").asText();
    JsonNode card = complete(team, id, team.admin().key()).assertStatus(200).json();
    JsonNode again = complete(team, id, team.owner().key()).assertStatus(200).json();

    assertThat(id).matches("sim_setup_[0-9a-f]{24}");
    assertThat(session.path("url").asText()).isEqualTo(returnUrl + "&setup_session=" + id);
    assertThat(card.path("card").path("brand").asText()).isEqualTo("visa");
    assertThat(card.path("card").path("last4").asText()).isEqualTo("4242");
    assertThat(card.path("card").path("exp_year").asInt()).isGreaterThan(2025);
    assertThat(again).isEqualTo(card);
    assertThat(
            SERVICE
                .api()
                .get(team.path() + "/payment-method", team.owner().key())
                .assertStatus(200)
                .json())
        .isEqualTo(card);
    assertThat(steps.billing(team, team.owner().key()).path("payment_method")).isEqualTo(card);
    assertThat(steps.billing(team, team.member().key()).has("payment_method")).isFalse();
    complete(team, "sim_setup_nothing", team.owner().key())
        .assertProblem(404, "resource_not_found");
    steps.purchase(team, team.member(), team.member().key(), 400).assertStatus(201);
  }

  @Test
  void only_the_teams_owner_admins_and_the_operator_set_up_its_card() {
    var team = SERVICE.teams().build().withMember().create();
    var stranger = SERVICE.teams().build().create();
    String url = "https://billing.example.com/";
    String id =
        setupSession(team, team.owner().key(), url)
            .assertStatus(201)
            .json()
            .path("session_id")
            .asText();

    setupSession(team, team.member().key(), url).assertProblem(403, "not_authorized");
    setupSession(team, stranger.owner().key(), url).assertProblem(403, "not_authorized");
    complete(team, id, team.member().key()).assertProblem(403, "not_authorized");
    complete(team, id, stranger.owner().key()).assertProblem(403, "not_authorized");
    setupSession(team, team.owner().key(), "billing.example.com/x")
        .assertProblem(400, "invalid_request");

    SERVICE
        .api()
        .get(team.path() + "/payment-method", team.owner().key())
        .assertProblem(404, "resource_not_found");
    complete(team, id, ServiceExtension.OPERATOR_KEY).assertStatus(200);
  }

  private Reply setupSession(Teams.Team team, String key, String returnUrl) {
    return SERVICE
        .api()
        .post(
            team.path() + "/payment-method/setup-session",
            key,
            "{\"return_url\": \"" + returnUrl + "\"}");
  }

  private Reply complete(Teams.Team team, String session, String key) {
    return SERVICE
        .api()
        .post(team.path() + "/payment-method/setup-session/" + session + "/complete", key, null);
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
