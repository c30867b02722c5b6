package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;

/**
 * DOMAIN.md rule 5 after a charge left a queued run's pool in arrears: auto-reload may pay them,
 * outside any lock; a run whose pool still owes credits afterwards is stopped.
 */
final class ArrearsSettlement {
  /** Waits for another request's reload before giving up on the arrears. */
  private static final int MAX_WAITS = 8;

  /** A safety net only: each reload raises the month's spend, so the cap ends the loop first. */
  private static final int MAX_RELOADS = 1_000;

  private final TeamStore teams;
  private final PoolStore pools;
  private final RunStore runs;
  private final BatchWriter batches;
  private final TransactionRunner tx;
  private final AutoReloader reloader;
  private final BillingTerms terms;
  private final Clock clock;

  ArrearsSettlement(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      TransactionRunner tx,
      AutoReloader reloader,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.runs = runs;
    this.batches = batches;
    this.tx = tx;
    this.reloader = reloader;
    this.terms = terms;
    this.clock = clock;
  }

  /** The run as it stands once its arrears are paid, or stopped. */
  Run settleOrStop(Run run) {
    int waits = 0;
    for (int reloads = 0; reloads < MAX_RELOADS && waits < MAX_WAITS; ) {
      AutoReloader.Result result = reloader.reload(run.billedPool().poolId());
      if (result instanceof AutoReloader.Result.Refused) {
        break;
      }
      if (result instanceof AutoReloader.Result.InFlight) {
        Pause.briefly(++waits);
      } else {
        reloads++;
        waits = 0;
      }
      boolean cleared =
          tx.inTransaction(
              () -> pools.find(run.billedPool().poolId()).orElseThrow().arrears() == 0);
      if (cleared) {
        return tx.inTransaction(() -> runs.find(run.id()).orElseThrow());
      }
    }
    return tx.inTransaction(() -> stopIfStillOwed(run));
  }

  private Run stopIfStillOwed(Run run) {
    Run current = runs.lock(run.id()).orElseThrow();
    if (!current.state().isOpen()) {
      return current;
    }
    Team team = teams.find(current.team()).orElseThrow();
    PoolChanges changes = new PoolChanges(pools, batches, terms, clock.instant());
    Pool pool = changes.lockCurrent(current.billedPool().poolId(), team.plan());
    if (pool.arrears() == 0) {
      changes.flush();
      return current;
    }
    Run stopped = RunWork.stopped(current, changes);
    runs.update(stopped);
    changes.flush();
    return stopped;
  }
}
