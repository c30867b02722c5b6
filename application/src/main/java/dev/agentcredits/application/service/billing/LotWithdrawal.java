package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.spend.MonthlySpend;

/**
 * A paid lot leaving its pool: refunded (rule 20), or frozen because the card holder disputed the
 * payment. Runs inside the caller's transaction, with the purchase and the pool locked.
 */
final class LotWithdrawal {
  private final SpendStore spending;
  private final PurchaseStore purchases;

  LotWithdrawal(SpendStore spending, PurchaseStore purchases) {
    this.spending = spending;
    this.purchases = purchases;
  }

  /** Whether no credit of the lot was spent or is held by a run. */
  static boolean untouched(Pool pool, Purchase purchase) {
    return pool.source(lotOf(purchase))
        .map(lot -> lot.free() == purchase.credits().value() && lot.reserved() == 0)
        .orElse(false);
  }

  /**
   * The money came back: what is left of the lot leaves the pool, and a refund in the month of the
   * purchase lowers that month's spend.
   */
  Purchase refund(PoolChanges changes, Pool pool, Purchase purchase) {
    long left = withdraw(changes, pool, purchase, PostingKind.REFUNDED);
    if (purchase.spendMonth().equals(MonthlySpend.monthOf(changes.now()))) {
      MonthlySpend spend = spending.lock(purchase.team(), purchase.spendMonth());
      spending.update(spend.refund(purchase.price()));
    }
    Purchase done = purchase.withdrawn(PurchaseState.REFUNDED, changes.now());
    changes.raise(BillingEvents.purchaseRefunded(done, left, changes.now()));
    changes.flush();
    purchases.update(done);
    return done;
  }

  /** The payment is disputed: what is left of the lot is frozen (leaves the pool). */
  Purchase freeze(PoolChanges changes, Pool pool, Purchase purchase) {
    long left = withdraw(changes, pool, purchase, PostingKind.FROZEN);
    Purchase done = purchase.withdrawn(PurchaseState.DISPUTED, changes.now());
    changes.raise(BillingEvents.purchaseDisputed(done, left, changes.now()));
    changes.flush();
    purchases.update(done);
    return done;
  }

  private static long withdraw(
      PoolChanges changes, Pool pool, Purchase purchase, PostingKind kind) {
    long left = pool.source(lotOf(purchase)).map(CreditSource::free).orElse(0L);
    if (left > 0) {
      changes.apply(pool.withdraw(lotOf(purchase), kind, purchase.id().value(), changes.now()));
    }
    return left;
  }

  private static SourceId lotOf(Purchase purchase) {
    return new SourceId(purchase.id().value());
  }
}
