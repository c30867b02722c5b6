package dev.agentcredits.application.service.timekeeping;

import dev.agentcredits.application.port.in.TimeKeepingUseCase.Report;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.billing.Purchasing;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.PurchaseId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finishes purchases interrupted between payment and credit, or whose payment is still processing,
 * by asking the provider what became of them (never charging again).
 */
public final class PurchaseRecovery implements TimeKeepingJob {
  /** A purchase still pending after this long was interrupted, or its payment is processing. */
  static final Duration PURCHASE_GRACE = Duration.ofSeconds(30);

  private final PurchaseStore purchases;
  private final TransactionRunner tx;
  private final Purchasing purchasing;

  public PurchaseRecovery(PurchaseStore purchases, TransactionRunner tx, Purchasing purchasing) {
    this.purchases = purchases;
    this.tx = tx;
    this.purchasing = purchasing;
  }

  @Override
  public Report runDueBy(Instant now) {
    int settled = 0;
    for (PurchaseId id :
        tx.inTransaction(() -> purchases.pendingCreatedBefore(now.minus(PURCHASE_GRACE), BATCH))) {
      Optional<Purchase> pending = tx.inTransaction(() -> purchases.lock(id));
      if (pending.isPresent() && pending.get().state() == PurchaseState.PENDING) {
        purchasing.settle(pending.get());
        settled++;
      }
    }
    return Report.ofPurchasesRecovered(settled);
  }
}
