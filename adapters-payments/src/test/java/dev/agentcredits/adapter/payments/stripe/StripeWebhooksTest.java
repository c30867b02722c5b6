package dev.agentcredits.adapter.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.PaymentEvents.Kind;
import dev.agentcredits.application.port.out.PaymentEvents.Notification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhooks verified by stripe-java against signatures computed here, as Stripe computes them. */
class StripeWebhooksTest {
  private static final String SECRET = "whsec_test_5uGzVbWq0c7a3pXw";
  private static final Instant NOW = Instant.parse("2031-03-05T12:00:00Z");
  private static final String INTENT =
      StripeDouble.intentJson(
          Map.of(
              "id", "pi_3MtwBwLkdIwHu7ix28a3tqPa",
              "status", "succeeded",
              "amount", "1000",
              "metadata[purchase_id]", "pur_abc"));

  private final StripeWebhooks webhooks =
      new StripeWebhooks(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aSignedPaymentSucceededEventNamesThePurchaseAndThePayment() {
    var signed =
        SignedEvents.sign(
            SignedEvents.event("evt_1", "payment_intent.succeeded", INTENT), SECRET, NOW);

    assertThat(webhooks.read(signed.payload(), signed.signature()))
        .isEqualTo(
            new Notification.About(
                "evt_1", Kind.SUCCEEDED, "pur_abc", "pi_3MtwBwLkdIwHu7ix28a3tqPa", null));
  }

  @Test
  void aSignatureMadeWithAnotherSecretDoesNotVerify() {
    var signed =
        SignedEvents.sign(
            SignedEvents.event("evt_1", "payment_intent.succeeded", INTENT), "whsec_other", NOW);

    assertThat(webhooks.read(signed.payload(), signed.signature()))
        .isInstanceOf(Notification.BadSignature.class);
  }

  @Test
  void aSignatureOlderThanTheToleranceDoesNotVerify() {
    var signed =
        SignedEvents.sign(
            SignedEvents.event("evt_1", "payment_intent.succeeded", INTENT),
            SECRET,
            NOW.minusSeconds(StripeWebhooks.TOLERANCE_SECONDS + 1));

    assertThat(webhooks.read(signed.payload(), signed.signature()))
        .isInstanceOf(Notification.BadSignature.class);
  }

  @Test
  void aBodyChangedAfterSigningDoesNotVerify() {
    var signed =
        SignedEvents.sign(
            SignedEvents.event("evt_1", "payment_intent.succeeded", INTENT), SECRET, NOW);

    assertThat(webhooks.read(signed.payload().replace("1000", "9000"), signed.signature()))
        .isInstanceOf(Notification.BadSignature.class);
    assertThat(webhooks.read(signed.payload(), null)).isInstanceOf(Notification.BadSignature.class);
  }

  @Test
  void refundsAndDisputesNameThePaymentAndOtherEventsAreIgnored() {
    var refunded =
        SignedEvents.sign(
            SignedEvents.event("evt_2", "charge.refunded", SignedEvents.charge("pi_1", true)),
            SECRET,
            NOW);
    var partial =
        SignedEvents.sign(
            SignedEvents.event("evt_3", "charge.refunded", SignedEvents.charge("pi_1", false)),
            SECRET,
            NOW);
    var dispute =
        SignedEvents.sign(
            SignedEvents.event("evt_4", "charge.dispute.created", SignedEvents.dispute("pi_1")),
            SECRET,
            NOW);
    var other =
        SignedEvents.sign(
            SignedEvents.event(
                "evt_5", "customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}"),
            SECRET,
            NOW);

    assertThat(webhooks.read(refunded.payload(), refunded.signature()))
        .isEqualTo(new Notification.About("evt_2", Kind.REFUNDED, null, "pi_1", null));
    assertThat(webhooks.read(partial.payload(), partial.signature()))
        .isEqualTo(new Notification.Ignored("evt_3", "charge.refunded"));
    assertThat(webhooks.read(dispute.payload(), dispute.signature()))
        .isEqualTo(new Notification.About("evt_4", Kind.DISPUTED, null, "pi_1", "fraudulent"));
    assertThat(webhooks.read(other.payload(), other.signature()))
        .isEqualTo(new Notification.Ignored("evt_5", "customer.created"));
  }

  @Test
  void withoutAWebhookSecretNothingVerifies() {
    var signed =
        SignedEvents.sign(
            SignedEvents.event("evt_1", "payment_intent.succeeded", INTENT), SECRET, NOW);

    assertThat(
            new StripeWebhooks(null, Clock.systemUTC()).read(signed.payload(), signed.signature()))
        .isInstanceOf(Notification.BadSignature.class);
  }
}
