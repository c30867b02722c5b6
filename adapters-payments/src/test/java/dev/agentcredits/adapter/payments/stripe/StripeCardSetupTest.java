package dev.agentcredits.adapter.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.CardSetup.CustomerCheck;
import dev.agentcredits.application.port.out.CardSetup.NewCustomer;
import dev.agentcredits.application.port.out.CardSetup.SessionEnd;
import dev.agentcredits.application.port.out.CardSetup.SessionStart;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Customers and setup sessions against the local double of Stripe, through stripe-java. */
class StripeCardSetupTest {
  private static final TeamId TEAM = new TeamId("team_a");
  private static final TeamId OTHER = new TeamId("team_b");

  private final StripeDouble stripe = new StripeDouble();
  private final StripeCardSetup setup =
      new StripeCardSetup(
          new StripeSettings(
              "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
              null,
              stripe.apiBase(),
              Duration.ofSeconds(2),
              Duration.ofSeconds(5),
              0));

  @AfterEach
  void stop() {
    stripe.close();
  }

  @Test
  void aCustomerNamingNoTeamIsMarkedAsTheClaimantsAndThenRefusesAnyOtherTeam() {
    stripe.addCustomer("cus_free", null);

    var first = setup.claim(TEAM, "cus_free");
    var again = setup.claim(TEAM, "cus_free");
    var other = setup.claim(OTHER, "cus_free");

    assertThat(first).isInstanceOf(CustomerCheck.Ours.class);
    assertThat(again).isInstanceOf(CustomerCheck.Ours.class);
    assertThat(other).isEqualTo(new CustomerCheck.OtherTeam("team_a"));
    assertThat(stripe.customerMetadata("cus_free"))
        .containsEntry("agent_credits_team_id", "team_a");
    assertThat(stripe.requests("POST", "/v1/customers/cus_free")).hasSize(1);
  }

  @Test
  void anUnknownOrDeletedCustomerIsMissing() {
    stripe.addCustomer("cus_gone", null);
    stripe.deleteCustomer("cus_gone");

    assertThat(setup.claim(TEAM, "cus_nobody")).isInstanceOf(CustomerCheck.Missing.class);
    assertThat(setup.claim(TEAM, "cus_gone")).isInstanceOf(CustomerCheck.Missing.class);
  }

  @Test
  void aNewCustomerNamesItsTeamAndIsTheSameOneWhenAskedAgain() {
    var created = (NewCustomer.Created) setup.createCustomer(TEAM);
    var again = (NewCustomer.Created) setup.createCustomer(TEAM);

    assertThat(again.customerId()).isEqualTo(created.customerId());
    assertThat(stripe.customerMetadata(created.customerId()))
        .containsEntry("agent_credits_team_id", "team_a");
    assertThat(stripe.requests("POST", "/v1/customers").get(0).idempotencyKey())
        .isEqualTo("agent-credits-customer-team_a");
  }

  @Test
  void aSetupSessionIsCheckoutInSetupModeForTheCustomerAndReturnsToThePage() {
    stripe.addCustomer("cus_a", "team_a");

    var started =
        (SessionStart.Started)
            setup.startSession(TEAM, "cus_a", "https://app.example.com/billing?team=team_a#card");

    var form = stripe.requests("POST", "/v1/checkout/sessions").get(0).form();
    assertThat(form)
        .containsEntry("mode", "setup")
        .containsEntry("customer", "cus_a")
        .containsEntry("currency", "usd")
        .containsEntry("payment_method_types[0]", "card")
        .containsEntry(
            "success_url",
            "https://app.example.com/billing?team=team_a&setup_session={CHECKOUT_SESSION_ID}#card")
        .containsEntry("cancel_url", "https://app.example.com/billing?team=team_a#card")
        .containsEntry("metadata[agent_credits_team_id]", "team_a");
    assertThat(started.sessionId()).startsWith("cs_test_");
    assertThat(started.url()).startsWith("https://checkout.stripe.com/");
  }

  @Test
  void aCompletedSessionGivesItsCardAndOneNotCompleteOrOfAnotherTeamIsRefused() {
    stripe.addCustomer("cus_a", "team_a");
    var started = (SessionStart.Started) setup.startSession(TEAM, "cus_a", "https://x.example/b");
    String id = started.sessionId();

    var open = setup.finishSession(TEAM, "cus_a", id);
    stripe.completeSetupSession(id, "pm_entered", "mastercard", "4444");
    var done = (SessionEnd.Completed) setup.finishSession(TEAM, "cus_a", id);
    var others = setup.finishSession(OTHER, "cus_b", id);
    var unknown = setup.finishSession(TEAM, "cus_a", "cs_test_nothing");

    assertThat(open).isInstanceOf(SessionEnd.Refused.class);
    assertThat(((SessionEnd.Refused) open).reason()).contains("not complete");
    assertThat(done.method().customerId()).isEqualTo("cus_a");
    assertThat(done.method().paymentMethodId()).isEqualTo("pm_entered");
    assertThat(done.method().card().brand()).isEqualTo("mastercard");
    assertThat(done.method().card().last4()).isEqualTo("4444");
    assertThat(others).isInstanceOf(SessionEnd.Refused.class);
    assertThat(unknown).isInstanceOf(SessionEnd.NotFound.class);
  }
}
