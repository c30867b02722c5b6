package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.view.PurchaseHistoryView;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.SourceId;

/** How a purchase shows in its pool's history. */
final class PurchaseHistory {
  private PurchaseHistory() {}

  /** {@code pool} null: the lot's remaining credits are not shown. */
  static PurchaseHistoryView view(Purchase purchase, Pool pool) {
    boolean lot = purchase.state() == PurchaseState.SUCCEEDED;
    Long remaining =
        lot && pool != null
            ? pool.source(new SourceId(purchase.id().value()))
                .map(CreditSource::remaining)
                .orElse(0L)
            : null;
    return new PurchaseHistoryView(
        purchase.id().value(),
        purchase.kind() == PurchaseKind.MANUAL ? "manual" : "auto_reload",
        purchase.credits().value(),
        purchase.price().cents(),
        purchase.state().name(),
        purchase.createdAt(),
        lot ? purchase.expiresAt() : null,
        remaining,
        purchase.refundedAt());
  }
}
