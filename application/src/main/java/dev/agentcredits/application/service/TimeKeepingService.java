package dev.agentcredits.application.service;

import dev.agentcredits.application.port.in.TimeKeepingUseCase;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What time does, in small transactions so that it never holds a pool for long: refreshes and
 * expiries (rules 9, 10), holds past their time to live (rule 14), purchases interrupted between
 * payment and credit, and idempotency keys kept their 24 hours.
 */
public final class TimeKeepingService implements TimeKeepingUseCase {
  static final int BATCH = 100;

  /** A purchase still pending after this long was interrupted; its payment is asked again. */
  static final Duration PURCHASE_GRACE = Duration.ofSeconds(30);

  static final Duration KEY_RETENTION = Duration.ofHours(48);

  /** Relayed events are kept a week for inspection, then deleted; the ledger is the record. */
  static final Duration PUBLISHED_EVENT_RETENTION = Duration.ofDays(7);

  /** Deletes in bounded batches, so a pass never holds a long transaction. */
  static final int PURGE_BATCH = 10_000;

  private final Stores stores;
  private final TransactionRunner tx;
  private final Purchasing purchasing;
  private final RunSettlement settlement;
  private final BillingTerms terms;
  private final Clock clock;

  TimeKeepingService(
      Stores stores, TransactionRunner tx, Purchasing purchasing, BillingTerms terms, Clock clock) {
    this.stores = stores;
    this.tx = tx;
    this.purchasing = purchasing;
    this.settlement = new RunSettlement(stores, terms, clock);
    this.terms = terms;
    this.clock = clock;
  }

  @Override
  public Report runDueWork() {
    Instant now = clock.instant();
    int pools = 0;
    for (PoolId id : tx.inTransaction(() -> stores.pools().dueBy(now, BATCH))) {
      tx.inTransaction(() -> advance(id));
      pools++;
    }
    int holds = 0;
    for (RunId id :
        tx.inTransaction(() -> stores.runs().idleSince(now.minus(terms.holdTimeToLive()), BATCH))) {
      if (tx.inTransaction(() -> expireHold(id))) {
        holds++;
      }
    }
    int purchases = 0;
    for (PurchaseId id :
        tx.inTransaction(
            () -> stores.purchases().pendingCreatedBefore(now.minus(PURCHASE_GRACE), BATCH))) {
      Optional<Purchase> pending = tx.inTransaction(() -> stores.purchases().lock(id));
      if (pending.isPresent() && pending.get().state() == PurchaseState.PENDING) {
        purchasing.pay(pending.get());
        purchases++;
      }
    }
    int keys =
        tx.inTransaction(() -> stores.idempotency().purgeCreatedBefore(now.minus(KEY_RETENTION)));
    int events =
        tx.inTransaction(() ->
            stores
                .outbox()
                .purgePublishedBefore(now.minus(PUBLISHED_EVENT_RETENTION), PURGE_BATCH));
    return new Report(pools, holds, purchases, keys, events);
  }

  private boolean advance(PoolId id) {
    var pool = stores.pools().find(id);
    if (pool.isEmpty()) {
      return false;
    }
    Team team = stores.teams().find(pool.get().team()).orElseThrow();
    PoolChanges changes = new PoolChanges(stores, terms, clock.instant());
    changes.lockCurrent(id, team.plan());
    changes.flush();
    return true;
  }

  private boolean expireHold(RunId id) {
    Run run = stores.runs().lock(id).orElseThrow();
    if (!run.holdExpiredAt(clock.instant(), terms.holdTimeToLive())) {
      return false;
    }
    settlement.settle(run, "hold_expired");
    return true;
  }
}
