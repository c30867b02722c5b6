package dev.agentcredits.adapter.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.adapter.payments.stripe.StripeDouble.Next;
import dev.agentcredits.application.port.out.PaymentGateway.CardLookup;
import dev.agentcredits.application.port.out.PaymentGateway.PaymentResult;
import dev.agentcredits.application.port.out.PaymentGateway.RefundResult;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Stripe gateway against a local double of Stripe's API, through the real stripe-java. */
class StripePaymentGatewayTest {
  private static final Instant NOW = Instant.parse("2031-03-05T12:00:00Z");
  private static final Optional<PaymentMethod> CARD =
      Optional.of(new PaymentMethod("cus_NffrFeUfNV2Hib", "pm_1MqLiJLkdIwHu7ixUEgbFdYF", null));
  private static final AtomicInteger PURCHASES = new AtomicInteger();

  private final StripeDouble stripe = new StripeDouble();

  @AfterEach
  void stop() {
    stripe.close();
  }

  private StripePaymentGateway gateway(int retries, Duration readTimeout) {
    return new StripePaymentGateway(
        new StripeSettings(
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            null,
            stripe.apiBase(),
            Duration.ofSeconds(2),
            readTimeout,
            retries),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private StripePaymentGateway gateway() {
    return gateway(0, Duration.ofSeconds(5));
  }

  @Test
  void aPurchaseIsOneConfirmedOffSessionPaymentIntentKeyedByThePurchase() {
    Purchase purchase = purchase();

    PaymentResult result = gateway().charge(purchase, CARD);

    assertThat(result).isInstanceOf(PaymentResult.Approved.class);
    var create = stripe.requests("POST", "/v1/payment_intents");
    assertThat(create).hasSize(1);
    assertThat(create.get(0).idempotencyKey())
        .isEqualTo("agent-credits-purchase-" + purchase.id().value());
    assertThat(create.get(0).form())
        .containsEntry("amount", "1000")
        .containsEntry("currency", "usd")
        .containsEntry("customer", "cus_NffrFeUfNV2Hib")
        .containsEntry("payment_method", "pm_1MqLiJLkdIwHu7ixUEgbFdYF")
        .containsEntry("confirm", "true")
        .containsEntry("off_session", "true")
        .containsEntry("metadata[purchase_id]", purchase.id().value())
        .containsEntry("metadata[team_id]", "team_a")
        .containsEntry("metadata[pool]", "m:mem_a");
    assertThat(((PaymentResult.Approved) result).reference())
        .isEqualTo(stripe.intentIdOf(purchase.id().value()));
  }

  @ParameterizedTest
  @CsvSource({
    "card_declined, generic_decline, Your card was declined., the card was declined",
    "card_declined, insufficient_funds, Your card has insufficient funds., the card has insufficient funds",
    "expired_card, expired_card, Your card has expired., the card has expired",
    "card_declined, lost_card, Your card was declined., the card was reported lost",
    "incorrect_cvc, incorrect_cvc, Your card's security code is incorrect., the card's security code is incorrect",
    "authentication_required, authentication_required, Your card was declined. This transaction requires authentication., the card's bank asks the card holder to authenticate",
    "card_declined, some_new_code, Your card was declined for a new reason., the card was declined",
    "some_new_error, some_new_code, Your card cannot be used today., the payment failed: Your card cannot be used today."
  })
  void aCardErrorIsADeclineSaidInWords(
      String code, String declineCode, String message, String words) {
    stripe.next(new Next.Decline(code, declineCode, message));

    PaymentResult result = gateway().charge(purchase(), CARD);

    assertThat(result).isInstanceOf(PaymentResult.Declined.class);
    var declined = (PaymentResult.Declined) result;
    assertThat(declined.code()).isEqualTo(declineCode);
    assertThat(declined.reason()).startsWith(words);
    assertThat(declined.reference()).startsWith("pi_");
  }

  @Test
  void noCardOnFileIsADeclineThatNeverCallsStripe() {
    PaymentResult result = gateway().charge(purchase(), Optional.empty());

    assertThat(result).isInstanceOf(PaymentResult.Declined.class);
    assertThat(((PaymentResult.Declined) result).code()).isEqualTo("no_payment_method");
    assertThat(stripe.allRequests()).isEmpty();
  }

  @Test
  void aProcessingPaymentIsProcessingAndItsStatusIsAskedByItsId() {
    stripe.next(new Next.Process());
    Purchase purchase = purchase();

    PaymentResult first = gateway().charge(purchase, CARD);
    String intent = ((PaymentResult.Processing) first).reference();
    stripe.finishProcessing(intent, true);
    PaymentResult later = gateway().status(purchase.withPaymentReference(intent), CARD);

    assertThat(later).isEqualTo(new PaymentResult.Approved(intent));
    assertThat(stripe.requests("GET", "/v1/payment_intents/" + intent)).hasSize(1);
    assertThat(stripe.createdIntents()).isOne();
  }

  @Test
  void aTimeoutIsUnknownAndReconcilingFindsTheOnePaymentIntentWithoutCreatingAnother() {
    stripe.next(new Next.SlowAnswer(1_500));
    Purchase purchase = purchase();
    var gateway = gateway(0, Duration.ofMillis(300));

    PaymentResult first = gateway.charge(purchase, CARD);
    PaymentResult settled = gateway.status(purchase, CARD);

    assertThat(first).isInstanceOf(PaymentResult.Unknown.class);
    assertThat(settled)
        .isEqualTo(new PaymentResult.Approved(stripe.intentIdOf(purchase.id().value())));
    assertThat(stripe.createdIntents()).isOne();
    assertThat(stripe.requests("POST", "/v1/payment_intents")).hasSize(1);
    assertThat(stripe.requests("GET", "/v1/payment_intents/search")).hasSize(1);
  }

  @Test
  void aPurchaseStripeNeverSawIsSentAgainUnderTheSameKeyWhenReconciled() {
    stripe.next(new Next.ServerError());
    Purchase purchase = purchase();
    var gateway = gateway();

    PaymentResult first = gateway.charge(purchase, CARD);
    PaymentResult settled = gateway.status(purchase, CARD);

    assertThat(first).isInstanceOf(PaymentResult.Unknown.class);
    assertThat(settled).isInstanceOf(PaymentResult.Approved.class);
    assertThat(stripe.requests("POST", "/v1/payment_intents"))
        .extracting(StripeDouble.Request::idempotencyKey)
        .containsExactly(
            "agent-credits-purchase-" + purchase.id().value(),
            "agent-credits-purchase-" + purchase.id().value());
    assertThat(stripe.createdIntents()).isOne();
  }

  @Test
  void theLibrarysOwnRetryAfterA500CarriesTheSameKeyAndChargesOnce() {
    stripe.next(new Next.ServerError());
    Purchase purchase = purchase();

    PaymentResult result = gateway(2, Duration.ofSeconds(5)).charge(purchase, CARD);

    assertThat(result).isInstanceOf(PaymentResult.Approved.class);
    assertThat(stripe.requests("POST", "/v1/payment_intents"))
        .hasSize(2)
        .extracting(StripeDouble.Request::idempotencyKey)
        .containsOnly("agent-credits-purchase-" + purchase.id().value());
    assertThat(stripe.createdIntents()).isOne();
  }

  @Test
  void chargingAPurchaseAgainGivesTheFirstAnswerAndNoSecondPaymentIntent() {
    Purchase purchase = purchase();
    var gateway = gateway();

    PaymentResult first = gateway.charge(purchase, CARD);
    PaymentResult again = gateway.charge(purchase, CARD);

    assertThat(again).isEqualTo(first);
    assertThat(stripe.createdIntents()).isOne();
  }

  @Test
  void aRefundIsOneRefundOfThePaymentIntentKeyedByThePurchase() {
    Purchase purchase = purchase();
    var gateway = gateway();
    String intent = ((PaymentResult.Approved) gateway.charge(purchase, CARD)).reference();

    RefundResult refund = gateway.refund(purchase.withPaymentReference(intent));

    assertThat(refund).isInstanceOf(RefundResult.Refunded.class);
    var request = stripe.requests("POST", "/v1/refunds").get(0);
    assertThat(request.form()).containsEntry("payment_intent", intent);
    assertThat(request.idempotencyKey()).isEqualTo("agent-credits-refund-" + purchase.id().value());
  }

  @Test
  void aSavedCardIsDescribedByStripeAndMustBelongToTheCustomer() {
    stripe.addCard("pm_1MqLiJLkdIwHu7ixUEgbFdYF", "cus_NffrFeUfNV2Hib", "visa", "4242");

    var found = gateway().lookUp(CARD.get());
    var otherCustomer =
        gateway().lookUp(new PaymentMethod("cus_other", "pm_1MqLiJLkdIwHu7ixUEgbFdYF", null));
    var unknown = gateway().lookUp(new PaymentMethod("cus_NffrFeUfNV2Hib", "pm_none", null));

    assertThat(found)
        .isEqualTo(
            new CardLookup.Found(
                CARD.get().withCard(new PaymentMethod.Card("visa", "4242", 8, 2031))));
    assertThat(otherCustomer).isInstanceOf(CardLookup.Unusable.class);
    assertThat(unknown).isInstanceOf(CardLookup.Unusable.class);
  }

  private static Purchase purchase() {
    return new Purchase(
        new PurchaseId("pur_" + PURCHASES.incrementAndGet() + "x" + System.nanoTime()),
        new TeamId("team_a"),
        new PoolId("m:mem_a"),
        Credits.of(1_000),
        Money.dollars(10),
        PurchaseKind.MANUAL,
        PurchaseState.PENDING,
        null,
        YearMonth.of(2031, 3),
        NOW,
        NOW.plus(Duration.ofDays(365)));
  }
}
