package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentGateway.PaymentResult;
import dev.agentcredits.application.port.out.PaymentMethodStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.purchase.Purchase;
import java.util.Optional;

/**
 * The payment step of every purchase: pay, then apply the payment's answer ({@link
 * PaymentAnswers}). A purchase's spend was reserved under the cap when it was placed ({@link
 * PurchaseOrders}); the gateway is called with no lock held; an answer that leaves the purchase
 * PENDING (processing, or no answer) waits for a webhook or the time-keeping job, which asks the
 * provider and never charges again.
 */
public final class Purchasing {
  private final TransactionRunner tx;
  private final PaymentGateway gateway;
  private final PaymentMethodStore paymentMethods;
  private final PaymentAnswers answers;

  public Purchasing(
      TransactionRunner tx,
      PaymentGateway gateway,
      PaymentMethodStore paymentMethods,
      PaymentAnswers answers) {
    this.tx = tx;
    this.gateway = gateway;
    this.paymentMethods = paymentMethods;
    this.answers = answers;
  }

  /** A purchase after its payment was asked for, with the provider's answer. */
  public record Paid(Purchase purchase, PaymentResult answer) {}

  /** Charges a PENDING purchase once, then applies the answer. */
  public Paid pay(Purchase pending) {
    Optional<PaymentMethod> card = tx.inTransaction(() -> paymentMethods.find(pending.team()));
    PaymentResult result = gateway.charge(pending, card);
    return new Paid(tx.inTransaction(() -> answers.apply(pending.id(), result, true)), result);
  }

  /**
   * Settles a purchase left PENDING (processing, or no answer) by asking the provider what became
   * of its payment; never charges again.
   */
  public Paid settle(Purchase pending) {
    Optional<PaymentMethod> card = tx.inTransaction(() -> paymentMethods.find(pending.team()));
    PaymentResult result = gateway.status(pending, card);
    return new Paid(tx.inTransaction(() -> answers.apply(pending.id(), result, false)), result);
  }
}
