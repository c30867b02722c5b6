package dev.agentcredits.adapter.payments.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import dev.agentcredits.application.port.out.PaymentEvents;
import java.time.Clock;

/**
 * Stripe's webhooks, verified with the library ({@code Stripe-Signature}: HMAC of the timestamp and
 * body with the endpoint's secret, and a timestamp no older than the tolerance), then read as what
 * they mean for one of this service's purchases.
 */
public final class StripeWebhooks implements PaymentEvents {
  /** Stripe's own default: a signature older than five minutes is a replay. */
  static final long TOLERANCE_SECONDS = Webhook.DEFAULT_TOLERANCE;

  private final String secret;
  private final Clock clock;

  /** {@code secret} null: no webhook verifies (the endpoint is not set up). */
  public StripeWebhooks(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  @Override
  public Notification read(String payload, String signature) {
    if (secret == null || secret.isBlank()) {
      return new Notification.BadSignature(
          "no webhook secret is configured (AGENT_CREDITS_STRIPE_WEBHOOK_SECRET)");
    }
    if (signature == null || signature.isBlank()) {
      return new Notification.BadSignature("the Stripe-Signature header is missing");
    }
    Event event;
    try {
      event = Webhook.constructEvent(payload, signature, secret, TOLERANCE_SECONDS, clock);
    } catch (SignatureVerificationException e) {
      return new Notification.BadSignature(e.getMessage());
    } catch (RuntimeException e) {
      return new Notification.BadSignature("the body is not a Stripe event");
    }
    try {
      return meaning(event);
    } catch (EventDataObjectDeserializationException | RuntimeException e) {
      return new Notification.Ignored(event.getId(), event.getType());
    }
  }

  private static Notification meaning(Event event) throws EventDataObjectDeserializationException {
    String type = event.getType();
    return switch (type) {
      case "payment_intent.succeeded", "payment_intent.payment_failed" -> {
        PaymentIntent intent = (PaymentIntent) object(event);
        boolean succeeded = type.equals("payment_intent.succeeded");
        var error = intent.getLastPaymentError();
        yield new Notification.About(
            event.getId(),
            succeeded ? Kind.SUCCEEDED : Kind.FAILED,
            intent.getMetadata() == null ? null : intent.getMetadata().get("purchase_id"),
            intent.getId(),
            succeeded || error == null
                ? null
                : Declines.words(error.getCode(), error.getDeclineCode(), error.getMessage()));
      }
      case "charge.refunded" -> {
        Charge charge = (Charge) object(event);
        if (!Boolean.TRUE.equals(charge.getRefunded())) {
          // A partial refund made in the dashboard: the lot stays, an operator decides.
          yield new Notification.Ignored(event.getId(), type);
        }
        yield new Notification.About(
            event.getId(),
            Kind.REFUNDED,
            charge.getMetadata() == null ? null : charge.getMetadata().get("purchase_id"),
            charge.getPaymentIntent(),
            null);
      }
      case "charge.dispute.created" -> {
        Dispute dispute = (Dispute) object(event);
        yield new Notification.About(
            event.getId(), Kind.DISPUTED, null, dispute.getPaymentIntent(), dispute.getReason());
      }
      default -> new Notification.Ignored(event.getId(), type);
    };
  }

  /** The event's object; read even when its API version differs from the library's. */
  private static StripeObject object(Event event) throws EventDataObjectDeserializationException {
    var data = event.getDataObjectDeserializer();
    return data.getObject().isPresent() ? data.getObject().get() : data.deserializeUnsafe();
  }
}
