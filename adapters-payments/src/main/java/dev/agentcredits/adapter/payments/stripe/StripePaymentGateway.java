package dev.agentcredits.adapter.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.domain.purchase.Purchase;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Payments through Stripe (DOMAIN.md rule 19): a purchase is one PaymentIntent, confirmed
 * off-session on the team's card, with an idempotency key derived from the purchase id, so any
 * retry (the library's own, a reconciliation) gets the first answer instead of a second charge.
 */
public final class StripePaymentGateway implements PaymentGateway {
  /** Stripe keeps idempotency keys at least 24 hours; replays stay well inside that. */
  static final Duration REPLAY_WINDOW = Duration.ofHours(23);

  private final StripeClient client;
  private final Clock clock;

  public StripePaymentGateway(StripeSettings settings, Clock clock) {
    this.client = StripeClients.of(settings);
    this.clock = clock;
  }

  static String idempotencyKey(Purchase purchase) {
    return "agent-credits-purchase-" + purchase.id().value();
  }

  @Override
  public PaymentResult charge(
      Purchase purchase, Optional<dev.agentcredits.domain.purchase.PaymentMethod> card) {
    if (card.isEmpty()) {
      return new PaymentResult.Declined(
          "no_payment_method", Declines.words("no_payment_method", null, null), null);
    }
    var params =
        PaymentIntentCreateParams.builder()
            .setAmount(purchase.price().cents())
            .setCurrency("usd")
            .setCustomer(card.get().customerId())
            .setPaymentMethod(card.get().paymentMethodId())
            .setConfirm(true)
            .setOffSession(true)
            .setDescription(purchase.credits().value() + " add-on credits")
            .putMetadata("purchase_id", purchase.id().value())
            .putMetadata("team_id", purchase.team().value())
            .putMetadata("pool", purchase.pool().value())
            .build();
    var options = RequestOptions.builder().setIdempotencyKey(idempotencyKey(purchase)).build();
    try {
      return outcome(client.paymentIntents().create(params, options));
    } catch (CardException e) {
      var intent = e.getStripeError() == null ? null : e.getStripeError().getPaymentIntent();
      return new PaymentResult.Declined(
          e.getDeclineCode() != null ? e.getDeclineCode() : e.getCode(),
          Declines.words(
              e.getCode(),
              e.getDeclineCode(),
              e.getStripeError() == null ? null : e.getStripeError().getMessage()),
          intent == null ? null : intent.getId());
    } catch (InvalidRequestException e) {
      // Stripe refused the request itself (say, a card detached from its customer): no money moved.
      return new PaymentResult.Declined(
          e.getCode() == null ? "invalid_request" : e.getCode(),
          Declines.words(
              e.getCode(),
              null,
              e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage()),
          null);
    } catch (StripeException e) {
      return new PaymentResult.Unknown(unanswered(e), null);
    }
  }

  /**
   * Asks Stripe what became of the purchase's PaymentIntent: by its id when known, else by the
   * purchase id in its metadata, else by sending the same create again under the same idempotency
   * key, which Stripe answers with the first request's result if it ever arrived.
   */
  @Override
  public PaymentResult status(
      Purchase purchase, Optional<dev.agentcredits.domain.purchase.PaymentMethod> card) {
    try {
      if (purchase.paymentReference() != null) {
        return outcome(client.paymentIntents().retrieve(purchase.paymentReference()));
      }
      var found =
          client
              .paymentIntents()
              .search(
                  PaymentIntentSearchParams.builder()
                      .setQuery("metadata['purchase_id']:'" + purchase.id().value() + "'")
                      .build());
      if (!found.getData().isEmpty()) {
        return outcome(found.getData().get(0));
      }
    } catch (StripeException e) {
      return new PaymentResult.Unknown(unanswered(e), purchase.paymentReference());
    }
    if (purchase.createdAt().plus(REPLAY_WINDOW).isAfter(clock.instant())) {
      return charge(purchase, card);
    }
    return new PaymentResult.Declined(
        "no_payment", "Stripe has no payment for this purchase; nothing was charged", null);
  }

  @Override
  public RefundResult refund(Purchase purchase) {
    if (purchase.paymentReference() == null) {
      return new RefundResult.Refused("no Stripe payment is known for this purchase");
    }
    var params =
        RefundCreateParams.builder()
            .setPaymentIntent(purchase.paymentReference())
            .putMetadata("purchase_id", purchase.id().value())
            .build();
    var options =
        RequestOptions.builder()
            .setIdempotencyKey("agent-credits-refund-" + purchase.id().value())
            .build();
    try {
      Refund refund = client.refunds().create(params, options);
      return switch (refund.getStatus()) {
        case "failed", "canceled" ->
            new RefundResult.Refused("Stripe says the refund " + refund.getStatus());
        default -> new RefundResult.Refunded(refund.getId());
      };
    } catch (InvalidRequestException e) {
      if ("charge_already_refunded".equals(e.getCode())) {
        return new RefundResult.Refunded(purchase.paymentReference());
      }
      return new RefundResult.Refused(
          e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage());
    } catch (StripeException e) {
      return new RefundResult.Unknown(unanswered(e));
    }
  }

  @Override
  public CardLookup lookUp(dev.agentcredits.domain.purchase.PaymentMethod method) {
    PaymentMethod found;
    try {
      found = client.paymentMethods().retrieve(method.paymentMethodId());
    } catch (InvalidRequestException e) {
      return new CardLookup.Unusable("Stripe has no payment method " + method.paymentMethodId());
    } catch (StripeException e) {
      return new CardLookup.Unknown(unanswered(e));
    }
    if (!method.customerId().equals(found.getCustomer())) {
      return new CardLookup.Unusable(
          "payment method %s is not attached to customer %s; attach it with Stripe Checkout in"
                  .formatted(method.paymentMethodId(), method.customerId())
              + " setup mode or the Customer Portal");
    }
    var card = StripeClients.card(found);
    if (card == null) {
      return new CardLookup.Unusable(
          "payment method "
              + method.paymentMethodId()
              + " is a "
              + found.getType()
              + ", not a card");
    }
    return new CardLookup.Found(method.withCard(card));
  }

  /** A PaymentIntent's status as this service's answer. */
  static PaymentResult outcome(PaymentIntent intent) {
    return switch (intent.getStatus()) {
      case "succeeded" -> new PaymentResult.Approved(intent.getId());
      case "processing", "requires_capture", "requires_confirmation" ->
          new PaymentResult.Processing(intent.getId());
      case "requires_action" ->
          new PaymentResult.Declined(
              "authentication_required",
              Declines.words("authentication_required", null, null),
              intent.getId());
      default -> {
        var error = intent.getLastPaymentError();
        yield error == null
            ? new PaymentResult.Declined(
                intent.getStatus(),
                "the payment was " + intent.getStatus().replace('_', ' '),
                intent.getId())
            : new PaymentResult.Declined(
                error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode(),
                Declines.words(error.getCode(), error.getDeclineCode(), error.getMessage()),
                intent.getId());
      }
    };
  }

  private static String unanswered(StripeException e) {
    return StripeClients.unanswered(e);
  }
}
