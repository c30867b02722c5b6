package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Team;
import java.util.Optional;

/**
 * A paid lot leaving its pool: refunded (rule 20), or frozen because the card holder disputed the
 * payment. Runs inside the caller's transaction: a refund the owner asked for with the purchase and
 * the pool the caller locked, the provider's notices locking them here.
 */
public final class LotWithdrawal {
  private final TeamStore teams;
  private final PoolBook book;
  private final SpendStore spending;
  private final PurchaseStore purchases;

  public LotWithdrawal(
      TeamStore teams, PoolBook book, SpendStore spending, PurchaseStore purchases) {
    this.teams = teams;
    this.book = book;
    this.spending = spending;
    this.purchases = purchases;
  }

  /** The provider refunded a paid purchase (its webhook): what is left of the lot leaves. */
  void refundedByProvider(PurchaseId id) {
    lockPaid(id).ifPresent(paid -> refund(paid.changes(), paid.pool(), paid.purchase()));
  }

  /** The card holder disputed a paid purchase: what is left of the lot is frozen. */
  void disputed(PurchaseId id) {
    lockPaid(id).ifPresent(paid -> freeze(paid.changes(), paid.pool(), paid.purchase()));
  }

  private record Paid(PoolChanges changes, Pool pool, Purchase purchase) {}

  /** The purchase and its pool, locked, if it is paid (SUCCEEDED); nothing else is withdrawn. */
  private Optional<Paid> lockPaid(PurchaseId id) {
    Purchase purchase = purchases.lock(id).orElseThrow();
    if (purchase.state() != PurchaseState.SUCCEEDED) {
      return Optional.empty();
    }
    Team team = teams.find(purchase.team()).orElseThrow();
    PoolChanges changes = book.open();
    Pool pool = changes.lockCurrent(purchase.pool(), team.plan());
    return Optional.of(new Paid(changes, pool, purchase));
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
  private Purchase freeze(PoolChanges changes, Pool pool, Purchase purchase) {
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
