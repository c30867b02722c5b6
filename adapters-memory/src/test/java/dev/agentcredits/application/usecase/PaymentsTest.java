package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.ReceivePaymentEventUseCase.Handling;
import dev.agentcredits.application.port.in.ReceivePaymentEventUseCase.Notification;
import dev.agentcredits.application.port.in.RefundPurchaseCommand;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.SavePaymentMethodCommand;
import dev.agentcredits.application.port.in.view.PurchaseView;
import dev.agentcredits.application.port.out.PaymentGateway.PaymentResult;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.PurchaseId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DOMAIN.md rules 19 and 20: pending payments, webhooks, reconciliation, refunds, disputes. */
class PaymentsTest extends UseCaseTest {

  @Test
  void aProcessingPaymentIsPendingWithItsPriceCountedAndTheWebhookCreditsItOnce() {
    TestTeam team = billing.aBuildTeam().build();
    billing.gateway.answerNext(new PaymentResult.Processing("pi_1"));

    PurchaseView pending = ok(team.buy(team.key("owner"), "owner", 400));

    assertThat(pending.pending()).isTrue();
    assertThat(monthToDate(team)).isEqualTo(1_000);
    assertThat(team.poolView("owner").addonCredits()).isZero();
    assertThat(ofType(billing.takeEvents(), EventType.PURCHASE_PENDING)).hasSize(1);

    var first = receive("evt_1 SUCCEEDED " + pending.purchaseId());
    var again = receive("evt_1 SUCCEEDED " + pending.purchaseId());

    assertThat(first).isEqualTo(Handling.HANDLED);
    assertThat(again).isEqualTo(Handling.ALREADY_HANDLED);
    assertThat(team.poolView("owner").addonCredits()).isEqualTo(400);
    assertThat(ofType(billing.takeEvents(), EventType.ADD_ON_PURCHASED)).hasSize(1);
  }

  @Test
  void aFailedPaymentReleasesItsPriceAndSaysSo() {
    TestTeam team = billing.aBuildTeam().build();
    billing.gateway.answerNext(new PaymentResult.Processing("pi_1"));
    PurchaseView pending = ok(team.buy(team.key("owner"), "owner", 400));

    receive("evt_2 FAILED " + pending.purchaseId());

    assertThat(monthToDate(team)).isZero();
    assertThat(team.poolView("owner").addonCredits()).isZero();
    assertThat(ofType(billing.takeEvents(), EventType.PURCHASE_FAILED)).hasSize(1);
  }

  @Test
  void aPaymentWithNoAnswerIsSettledByAskingNeverByChargingAgain() {
    TestTeam team = billing.aBuildTeam().build();
    billing.gateway.answerNext(new PaymentResult.Unknown("timeout", null));
    PurchaseView pending = ok(team.buy(team.key("owner"), "owner", 400));
    billing.gateway.settleWith(new PaymentResult.Approved("pi_found"));

    billing.advance(Duration.ofSeconds(31));
    billing.app.timeKeeping().runDueWork();
    billing.app.timeKeeping().runDueWork();

    assertThat(pending.pending()).isTrue();
    assertThat(billing.gateway.charges()).isOne();
    assertThat(team.poolView("owner").addonCredits()).isEqualTo(400);
    assertThat(ofType(billing.takeEvents(), EventType.ADD_ON_PURCHASED)).hasSize(1);
  }

  @Test
  void aNotificationThatDoesNotVerifyChangesNothing() {
    TestTeam team = billing.aBuildTeam().build();
    billing.gateway.answerNext(new PaymentResult.Processing("pi_1"));
    PurchaseView pending = ok(team.buy(team.key("owner"), "owner", 400));

    var outcome =
        billing
            .app
            .receivePaymentEvent()
            .receive(new Notification("evt_3 SUCCEEDED " + pending.purchaseId(), "forged"));

    assertThat(refused(outcome, Refusal.InvalidRequest.class).detail()).contains("signature");
    assertThat(team.poolView("owner").addonCredits()).isZero();
    assertThat(receive("evt_3 SUCCEEDED " + pending.purchaseId())).isEqualTo(Handling.HANDLED);
  }

  @Test
  void anUntouchedLotIsRefundedByAnAdminAndLowersThatMonthsSpend() {
    TestTeam team = billing.aBuildTeam().withAdmin("ada").withMember("bob").build();
    PurchaseView bought = ok(team.buy(team.key("bob"), "bob", 400));

    var byMember = billing.app.refundPurchase().refund(refund(team, "bob", bought, "bob"));
    var byAdmin = billing.app.refundPurchase().refund(refund(team, "ada", bought, "bob"));

    refused(byMember, Refusal.NotAuthorized.class);
    assertThat(ok(byAdmin).state()).isEqualTo("REFUNDED");
    assertThat(team.poolView("bob").addonCredits()).isZero();
    assertThat(monthToDate(team)).isZero();
    assertThat(ofType(billing.takeEvents(), EventType.PURCHASE_REFUNDED)).hasSize(1);
  }

  @Test
  void aRefundInALaterMonthLeavesThatMonthsSpendAlone() {
    TestTeam team = billing.aBuildTeam().build();
    PurchaseView bought = ok(team.buy(team.key("owner"), "owner", 400));
    billing.advance(Duration.ofDays(25));
    ok(team.buy(team.key("owner"), "owner", 400));

    ok(billing.app.refundPurchase().refund(refund(team, "owner", bought, "owner")));

    assertThat(monthToDate(team)).isEqualTo(1_000);
  }

  @Test
  void aLotWhoseCreditsWereUsedIsNotRefunded() {
    TestTeam team = billing.aBuildTeam().build();
    PurchaseView bought = ok(team.buy(team.key("owner"), "owner", 400));
    team.spendDownTo("owner", 390);

    var outcome = billing.app.refundPurchase().refund(refund(team, "owner", bought, "owner"));

    assertThat(refused(outcome, Refusal.Conflict.class).detail()).contains("untouched");
    assertThat(team.poolView("owner").addonCredits()).isEqualTo(390);
  }

  @Test
  void aDisputeFreezesWhatIsLeftOfTheLot() {
    TestTeam team = billing.aBuildTeam().build();
    PurchaseView bought = ok(team.buy(team.key("owner"), "owner", 400));

    receive("evt_4 DISPUTED " + bought.purchaseId());

    assertThat(team.poolView("owner").addonCredits()).isZero();
    assertThat(ofType(billing.takeEvents(), EventType.PURCHASE_DISPUTED)).hasSize(1);
    var history =
        ok(
            billing
                .app
                .purchaseHistory()
                .purchases(team.key("owner"), team.pool("owner"), 10, null));
    assertThat(history.purchases().get(0).state()).isEqualTo("DISPUTED");
  }

  @Test
  void theHistoryListsManualAndAutomaticPurchasesNewestFirstInPages() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    for (int i = 0; i < 3; i++) {
      ok(team.buy(team.key("bob"), "bob", 400));
      billing.advance(Duration.ofSeconds(1));
    }

    var first =
        ok(billing.app.purchaseHistory().purchases(team.key("bob"), team.pool("bob"), 2, null));
    var rest =
        ok(
            billing
                .app
                .purchaseHistory()
                .purchases(team.key("owner"), team.pool("bob"), 2, first.nextCursor()));
    var otherMember =
        billing.app.purchaseHistory().purchases(team.key("bob"), team.pool("owner"), 2, null);

    assertThat(first.purchases()).hasSize(2);
    assertThat(first.purchases().get(0).createdAt()).isAfter(first.purchases().get(1).createdAt());
    assertThat(first.purchases().get(0).creditsRemaining()).isEqualTo(400);
    assertThat(first.purchases().get(0).kind()).isEqualTo("manual");
    assertThat(rest.purchases()).hasSize(1);
    assertThat(rest.nextCursor()).isNull();
    refused(otherMember, Refusal.NotAuthorized.class);
  }

  @Test
  void onlyTheOperatorOwnerOrAnAdminSeeOrChangeTheTeamsCard() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    var command = new SavePaymentMethodCommand(team.key("owner"), team.id, "cus_1", "pm_1");

    var saved = ok(billing.app.paymentMethods().save(command));
    var byMember = billing.app.paymentMethods().find(team.key("bob"), team.id);

    assertThat(saved.paymentMethodId()).isEqualTo("pm_1");
    refused(byMember, Refusal.NotAuthorized.class);
    assertThat(ok(billing.app.paymentMethods().find(OPERATOR, team.id)).customerId())
        .isEqualTo("cus_1");
    ok(billing.app.paymentMethods().remove(team.key("owner"), team.id));
    refused(billing.app.paymentMethods().find(team.key("owner"), team.id), Refusal.NotFound.class);
  }

  @Test
  void anotherTeamsCustomerIsAConflictAndChangesNothing() {
    TestTeam first = billing.aBuildTeam().build();
    TestTeam second = billing.aBuildTeam().build();
    ok(
        billing
            .app
            .paymentMethods()
            .save(new SavePaymentMethodCommand(first.key("owner"), first.id, "cus_1", "pm_1")));
    ok(
        billing
            .app
            .paymentMethods()
            .save(new SavePaymentMethodCommand(second.key("owner"), second.id, "cus_2", "pm_2")));

    var taken =
        billing
            .app
            .paymentMethods()
            .save(new SavePaymentMethodCommand(second.key("owner"), second.id, "cus_1", "pm_1"));

    refused(taken, Refusal.Conflict.class);
    assertThat(ok(billing.app.paymentMethods().find(second.key("owner"), second.id)).customerId())
        .isEqualTo("cus_2");
  }

  @Test
  void aSetupSessionSavesACardOnTheTeamsOwnCustomer() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    var command =
        new dev.agentcredits.application.port.in.StartCardSetupCommand(
            team.key("owner"), team.id, "https://billing.example.com/b?x=1#card");

    var session = ok(billing.app.paymentMethods().startSetup(command));
    var saved =
        ok(
            billing
                .app
                .paymentMethods()
                .completeSetup(team.key("owner"), team.id, session.sessionId()));
    var again =
        ok(
            billing
                .app
                .paymentMethods()
                .completeSetup(team.key("owner"), team.id, session.sessionId()));

    assertThat(session.url())
        .isEqualTo(
            "https://billing.example.com/b?x=1&setup_session=" + session.sessionId() + "#card");
    assertThat(saved.card().last4()).isEqualTo("4242");
    assertThat(again).isEqualTo(saved);
    refused(
        billing.app.paymentMethods().completeSetup(team.key("bob"), team.id, session.sessionId()),
        Refusal.NotAuthorized.class);
  }

  private Handling receive(String payload) {
    return ok(billing.app.receivePaymentEvent().receive(new Notification(payload, "valid")));
  }

  private static RefundPurchaseCommand refund(
      TestTeam team, String caller, PurchaseView purchase, String pool) {
    return new RefundPurchaseCommand(
        team.key(caller), team.pool(pool), new PurchaseId(purchase.purchaseId()));
  }

  private long monthToDate(TestTeam team) {
    return ok(billing.app.billingQuery().teamBilling(OPERATOR, team.id))
        .spendCap()
        .monthToDateSpendCents();
  }
}
