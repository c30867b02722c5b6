package dev.agentcredits.adapter.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;

/** A stripe-java client as the settings say, and how its failures are said. */
final class StripeClients {
  private StripeClients() {}

  static StripeClient of(StripeSettings settings) {
    var builder =
        StripeClient.builder()
            .setApiKey(settings.secretKey())
            .setConnectTimeout((int) settings.connectTimeout().toMillis())
            .setReadTimeout((int) settings.readTimeout().toMillis())
            .setMaxNetworkRetries(settings.maxNetworkRetries());
    if (settings.apiBase() != null) {
      builder.setApiBase(settings.apiBase());
    }
    return builder.build();
  }

  static String unanswered(StripeException e) {
    return "Stripe gave no usable answer"
        + (e.getStatusCode() == null ? "" : " (HTTP " + e.getStatusCode() + ")")
        + ": "
        + e.getClass().getSimpleName();
  }

  /** What Stripe says of a card, or null when the payment method is no card. */
  static dev.agentcredits.domain.purchase.PaymentMethod.Card card(
      com.stripe.model.PaymentMethod found) {
    if (!"card".equals(found.getType()) || found.getCard() == null) {
      return null;
    }
    var card = found.getCard();
    return new dev.agentcredits.domain.purchase.PaymentMethod.Card(
        card.getBrand(),
        card.getLast4(),
        card.getExpMonth() == null ? 0 : card.getExpMonth().intValue(),
        card.getExpYear() == null ? 0 : card.getExpYear().intValue());
  }
}
