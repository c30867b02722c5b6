package dev.agentcredits.application.service.timekeeping;

import dev.agentcredits.application.port.in.TimeKeepingUseCase;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.billing.Purchasing;
import dev.agentcredits.application.service.members.PoolClosing;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
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

  /**
   * A purchase still pending after this long was interrupted, or its payment is processing: the
   * provider is asked what became of it (never charged again).
   */
  static final Duration PURCHASE_GRACE = Duration.ofSeconds(30);

  static final Duration KEY_RETENTION = Duration.ofHours(48);

  /** Relayed events are kept a week for inspection, then deleted; the ledger is the record. */
  static final Duration PUBLISHED_EVENT_RETENTION = Duration.ofDays(7);

  /** Deletes in bounded batches, so a pass never holds a long transaction. */
  static final int PURGE_BATCH = 10_000;

  private final TeamStore teams;
  private final PoolStore pools;
  private final BatchWriter batches;
  private final PurchaseStore purchases;
  private final EventOutbox outbox;
  private final IdempotencyStore idempotency;
  private final TransactionRunner tx;
  private final Purchasing purchasing;
  private final HoldExpiry holds;
  private final PoolClosing closing;
  private final BillingTerms terms;
  private final Clock clock;

  public TimeKeepingService(
      TeamStore teams,
      PoolStore pools,
      BatchWriter batches,
      PurchaseStore purchases,
      EventOutbox outbox,
      IdempotencyStore idempotency,
      TransactionRunner tx,
      Purchasing purchasing,
      HoldExpiry holds,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.batches = batches;
    this.purchases = purchases;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.tx = tx;
    this.purchasing = purchasing;
    this.holds = holds;
    this.closing = new PoolClosing(pools);
    this.terms = terms;
    this.clock = clock;
  }

  @Override
  public Report runDueWork() {
    Instant now = clock.instant();
    int poolsAdvanced = 0;
    for (PoolId id : tx.inTransaction(() -> pools.dueBy(now, BATCH))) {
      tx.inTransaction(() -> advance(id));
      poolsAdvanced++;
    }
    int holdsSettled = holds.settleIdleRuns(now, BATCH);
    int purchasesSettled = 0;
    for (PurchaseId id :
        tx.inTransaction(() -> purchases.pendingCreatedBefore(now.minus(PURCHASE_GRACE), BATCH))) {
      Optional<Purchase> pending = tx.inTransaction(() -> purchases.lock(id));
      if (pending.isPresent() && pending.get().state() == PurchaseState.PENDING) {
        purchasing.settle(pending.get());
        purchasesSettled++;
      }
    }
    int keys = tx.inTransaction(() -> idempotency.purgeCreatedBefore(now.minus(KEY_RETENTION)));
    int events =
        tx.inTransaction(
            () -> outbox.purgePublishedBefore(now.minus(PUBLISHED_EVENT_RETENTION), PURGE_BATCH));
    return new Report(poolsAdvanced, holdsSettled, purchasesSettled, keys, events);
  }

  private boolean advance(PoolId id) {
    var pool = pools.find(id);
    if (pool.isEmpty()) {
      return false;
    }
    Team team = teams.find(pool.get().team()).orElseThrow();
    PoolChanges changes = new PoolChanges(pools, batches, terms, clock.instant());
    if (pool.get().isClosed() && pool.get().member() != null) {
      // What a removed member's run gave back goes on to the owner's pool (rule 22).
      closing.close(team, pool.get().member(), changes);
    } else {
      changes.lockCurrent(id, team.plan());
    }
    changes.flush();
    return true;
  }
}
