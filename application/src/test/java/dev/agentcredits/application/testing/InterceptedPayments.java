package dev.agentcredits.application.testing;

import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.purchase.Purchase;
import java.util.Optional;

/**
 * A gateway whose charges (and status questions, which a simulated gateway answers by charging) go
 * through {@code charges}, e.g. to watch, slow down or fail them; the rest goes to {@code inner}.
 */
public final class InterceptedPayments implements PaymentGateway {
  /** Answers a charge, usually by asking the gateway it was given. */
  @FunctionalInterface
  public interface Charges {
    PaymentResult charge(Purchase purchase, Optional<PaymentMethod> card);
  }

  private final PaymentGateway inner;
  private final Charges charges;

  public InterceptedPayments(PaymentGateway inner, Charges charges) {
    this.inner = inner;
    this.charges = charges;
  }

  @Override
  public PaymentResult charge(Purchase purchase, Optional<PaymentMethod> card) {
    return charges.charge(purchase, card);
  }

  @Override
  public PaymentResult status(Purchase purchase, Optional<PaymentMethod> card) {
    return charges.charge(purchase, card);
  }

  @Override
  public RefundResult refund(Purchase purchase) {
    return inner.refund(purchase);
  }

  @Override
  public CardLookup lookUp(PaymentMethod method) {
    return inner.lookUp(method);
  }
}
