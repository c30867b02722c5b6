package dev.agentcredits.application.port.in.view;

/** {@code card} is null when the provider showed no card details. */
public record PaymentMethodView(String customerId, String paymentMethodId, CardView card) {
  public record CardView(String brand, String last4, int expMonth, int expYear) {}
}
