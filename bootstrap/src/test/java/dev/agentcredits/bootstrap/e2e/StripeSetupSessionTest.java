package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.adapter.payments.stripe.StripeDouble;
import dev.agentcredits.bootstrap.PaymentSettings;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Adding a card on Stripe Checkout in setup mode (issue 18, item 10) with {@code
 * AGENT_CREDITS_PAYMENTS=stripe}: the real service and stripe-java against the Stripe double.
 */
class StripeSetupSessionTest {
  static final StripeDouble STRIPE = new StripeDouble();
  private static final String RETURN = "https://billing.example.com/billing?team=t#card";
  private static final AtomicInteger CARDS = new AtomicInteger();

  @RegisterExtension
  static final ServiceExtension SERVICE =
      new ServiceExtension(
          () -> PaymentSettings.stripe("sk_test_4eC39HqLyjWDarjtT1zdp7dc", null, STRIPE.apiBase()));

  private final Api api = SERVICE.api();
  private final Steps steps = new Steps(api);

  @AfterAll
  static void stopStripe() {
    STRIPE.close();
  }

  @Test
  void anAdminOpensCheckoutInSetupModeForTheTeamsNewCustomerAndTheEnteredCardIsSaved() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();

    JsonNode session = start(team, team.admin().key()).assertStatus(201).json();
    String id = session.path("session_id").asText();
    var created = STRIPE.checkoutSession(id);
    String customer = created.get("customer");
    assertThat(session.path("url").asText()).startsWith("https://checkout.stripe.com/");
    assertThat(created)
        .containsEntry("mode", "setup")
        .containsEntry("currency", "usd")
        .containsEntry("payment_method_types[0]", "card")
        .containsEntry(
            "success_url",
            "https://billing.example.com/billing?team=t&setup_session={CHECKOUT_SESSION_ID}#card")
        .containsEntry("cancel_url", RETURN);
    assertThat(STRIPE.customerMetadata(customer)).containsEntry("agent_credits_team_id", team.id());

    STRIPE.completeSetupSession(id, "pm_e2e_setup" + CARDS.incrementAndGet(), "visa", "4242");
    JsonNode saved = complete(team, id, team.admin().key()).assertStatus(200).json();
    JsonNode again = complete(team, id, team.owner().key()).assertStatus(200).json();

    assertThat(saved.path("stripe_customer_id").asText()).isEqualTo(customer);
    assertThat(saved.path("payment_method_id").asText()).isEqualTo("pm_e2e_setup" + CARDS.get());
    assertThat(saved.path("card").path("brand").asText()).isEqualTo("visa");
    assertThat(saved.path("card").path("last4").asText()).isEqualTo("4242");
    assertThat(saved.path("card").path("exp_year").asInt()).isEqualTo(2031);
    assertThat(again).isEqualTo(saved);
    assertThat(api.get(team.path() + "/payment-method", team.owner().key()).json())
        .isEqualTo(saved);
    assertThat(steps.billing(team, team.admin().key()).path("payment_method")).isEqualTo(saved);
    assertThat(steps.billing(team, team.member().key()).has("payment_method")).isFalse();
    JsonNode bought =
        steps.purchase(team, team.member(), team.member().key(), 400).assertStatus(201).json();
    assertThat(STRIPE.intent(STRIPE.intentIdOf(bought.path("purchase_id").asText())))
        .contains("\"customer\":\"" + customer + "\"");
  }

  @Test
  void aSecondSessionIsForTheSameCustomer() {
    var team = SERVICE.teams().build().create();

    String first =
        start(team, team.owner().key()).assertStatus(201).json().path("session_id").asText();
    String second =
        start(team, team.owner().key()).assertStatus(201).json().path("session_id").asText();

    assertThat(STRIPE.checkoutSession(second).get("customer"))
        .isEqualTo(STRIPE.checkoutSession(first).get("customer"));
  }

  @Test
  void aSessionNotCompleteUnknownOrOfAnotherTeamSavesNothing() {
    var team = SERVICE.teams().build().create();
    var other = SERVICE.teams().build().create();
    String open =
        start(team, team.owner().key()).assertStatus(201).json().path("session_id").asText();
    String others =
        start(other, other.owner().key()).assertStatus(201).json().path("session_id").asText();
    STRIPE.completeSetupSession(others, "pm_e2e_other" + CARDS.incrementAndGet(), "visa", "1881");

    JsonNode notDone = complete(team, open, team.owner().key()).assertProblem(409, "conflict");
    JsonNode notOurs = complete(team, others, team.owner().key()).assertProblem(409, "conflict");
    complete(team, "cs_test_unknown", team.owner().key()).assertProblem(404, "resource_not_found");
    complete(team, "cs_test_bad%20id", team.owner().key()).assertProblem(400, "invalid_request");

    assertThat(notDone.path("detail").asText()).contains("not complete");
    assertThat(notOurs.path("detail").asText()).contains("not a setup session made for team");
    api.get(team.path() + "/payment-method", team.owner().key())
        .assertProblem(404, "resource_not_found");
    assertThat(steps.billing(team, team.owner().key()).has("payment_method")).isFalse();
    STRIPE.expireSetupSession(open);
    assertThat(
            complete(team, open, team.owner().key())
                .assertProblem(409, "conflict")
                .path("detail")
                .asText())
        .contains("expired");
  }

  @Test
  void onlyTheTeamsOwnerAdminsAndTheOperatorMaySetUpItsCard() {
    var team = SERVICE.teams().build().withMember().create();
    var stranger = SERVICE.teams().build().create();
    String id =
        start(team, team.owner().key()).assertStatus(201).json().path("session_id").asText();
    STRIPE.completeSetupSession(id, "pm_e2e_auth" + CARDS.incrementAndGet(), "visa", "4242");

    start(team, team.member().key()).assertProblem(403, "not_authorized");
    start(team, stranger.owner().key()).assertProblem(403, "not_authorized");
    complete(team, id, team.member().key()).assertProblem(403, "not_authorized");
    complete(team, id, stranger.owner().key()).assertProblem(403, "not_authorized");
    api.get(team.path() + "/payment-method", team.owner().key())
        .assertProblem(404, "resource_not_found");

    complete(team, id, ServiceExtension.OPERATOR_KEY).assertStatus(200);
    start(team, ServiceExtension.OPERATOR_KEY).assertStatus(201);
  }

  @Test
  void aReturnUrlThatIsNotAnAbsoluteHttpUrlIsInvalid() {
    var team = SERVICE.teams().build().create();

    for (String bad :
        new String[] {"/billing", "ftp://example.com/x", "javascript:alert(1)", "https://", ""}) {
      api.post(
              team.path() + "/payment-method/setup-session",
              team.owner().key(),
              "{\"return_url\": \"" + bad + "\"}")
          .assertProblem(400, "invalid_request");
    }
    api.post(team.path() + "/payment-method/setup-session", team.owner().key(), "{}")
        .assertProblem(400, "invalid_request");
    assertThat(STRIPE.requests("POST", "/v1/checkout/sessions"))
        .noneMatch(r -> team.id().equals(r.form().get("metadata[agent_credits_team_id]")));
    assertThat(STRIPE.requests("POST", "/v1/customers"))
        .noneMatch(r -> team.id().equals(r.form().get("metadata[agent_credits_team_id]")));
  }

  private Reply start(Teams.Team team, String key) {
    return api.post(
        team.path() + "/payment-method/setup-session", key, "{\"return_url\": \"" + RETURN + "\"}");
  }

  private Reply complete(Teams.Team team, String session, String key) {
    return api.post(
        team.path() + "/payment-method/setup-session/" + session + "/complete", key, null);
  }
}
