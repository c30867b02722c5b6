package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.ReceivePaymentEventUseCase.Handling;
import dev.agentcredits.application.port.out.PaymentEvents;
import dev.agentcredits.application.port.out.PaymentGateway.PaymentResult;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.shared.PurchaseId;
import java.util.Optional;

/**
 * What the provider's notice about a payment does to the purchase it paid for: a late answer to the
 * charge ({@link PaymentAnswers}), or a refund or dispute that takes the lot out ({@link
 * LotWithdrawal}). Call inside the transaction that claimed the notice.
 */
public final class PaymentNotices {
  private final PurchaseStore purchases;
  private final PaymentAnswers answers;
  private final LotWithdrawal withdrawal;

  public PaymentNotices(PurchaseStore purchases, PaymentAnswers answers, LotWithdrawal withdrawal) {
    this.purchases = purchases;
    this.answers = answers;
    this.withdrawal = withdrawal;
  }

  Handling apply(PaymentEvents.Notification.About about) {
    Optional<Purchase> found = purchaseOf(about);
    if (found.isEmpty()) {
      // Not a payment this service made (another integration on the same account): nothing to do.
      return Handling.IGNORED;
    }
    PurchaseId id = found.get().id();
    String reference =
        about.paymentReference() != null
            ? about.paymentReference()
            : found.get().paymentReference() != null ? found.get().paymentReference() : id.value();
    switch (about.kind()) {
      case SUCCEEDED -> answers.apply(id, new PaymentResult.Approved(reference), false);
      case FAILED ->
          answers.apply(
              id, new PaymentResult.Declined("payment_failed", about.reason(), reference), false);
      case REFUNDED -> withdrawal.refundedByProvider(id);
      case DISPUTED -> withdrawal.disputed(id);
    }
    return Handling.HANDLED;
  }

  private Optional<Purchase> purchaseOf(PaymentEvents.Notification.About about) {
    if (about.purchaseId() != null) {
      try {
        Optional<Purchase> byId = purchases.lock(new PurchaseId(about.purchaseId()));
        if (byId.isPresent()) {
          return byId;
        }
      } catch (IllegalArgumentException notOurs) {
        // metadata that is not one of our purchase ids: fall back to the payment id
      }
    }
    return about.paymentReference() == null
        ? Optional.empty()
        : purchases.findByPaymentReference(about.paymentReference());
  }
}
