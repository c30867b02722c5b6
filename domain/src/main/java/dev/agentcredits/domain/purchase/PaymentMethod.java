package dev.agentcredits.domain.purchase;

import java.util.Objects;

/**
 * The team's saved card at the payment provider (rule 19): the provider's customer and payment
 * method ids, and what the provider says of the card when it said anything.
 *
 * @param card absent when the provider shows no card details (the simulated gateway)
 */
public record PaymentMethod(String customerId, String paymentMethodId, Card card) {
  public PaymentMethod {
    requireId(customerId, "stripe_customer_id");
    requireId(paymentMethodId, "payment_method_id");
  }

  /** A card as the provider describes it; never its number. */
  public record Card(String brand, String last4, int expMonth, int expYear) {
    public Card {
      Objects.requireNonNull(brand, "brand");
      Objects.requireNonNull(last4, "last4");
    }
  }

  public PaymentMethod withCard(Card newCard) {
    return new PaymentMethod(customerId, paymentMethodId, newCard);
  }

  private static void requireId(String id, String name) {
    if (id == null || id.isBlank() || id.length() > 255 || !id.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException(
          name + " must be 1-255 letters, digits or underscores, e.g. cus_123 or pm_123");
    }
  }
}
