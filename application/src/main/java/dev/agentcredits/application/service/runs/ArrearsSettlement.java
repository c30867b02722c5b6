package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.PoolId;

/**
 * DOMAIN.md rule 5 after a committed charge left a queued run's pool in arrears: auto-reload may
 * pay them, outside any lock; a run whose pool still owes credits afterwards is stopped.
 */
public final class ArrearsSettlement {
  /** Waits for another request's reload before giving up on the arrears. */
  private static final int MAX_WAITS = 8;

  /** A safety net only: each reload raises the month's spend, so the cap ends the loop first. */
  private static final int MAX_RELOADS = 1_000;

  private final PoolStore pools;
  private final RunStore runs;
  private final TransactionRunner tx;
  private final AutoReloader reloader;
  private final RunOperations operations;

  public ArrearsSettlement(
      PoolStore pools,
      RunStore runs,
      TransactionRunner tx,
      AutoReloader reloader,
      RunOperations operations) {
    this.pools = pools;
    this.runs = runs;
    this.tx = tx;
    this.reloader = reloader;
    this.operations = operations;
  }

  /** The run as it stands once its arrears are paid, or stopped. */
  Run settleOrStop(Run run) {
    PoolId pool = run.billedPool().poolId();
    int waits = 0;
    for (int reloads = 0; reloads < MAX_RELOADS && waits < MAX_WAITS; ) {
      AutoReloader.Result result = reloader.reload(pool);
      if (result instanceof AutoReloader.Result.Refused) {
        break;
      }
      if (result instanceof AutoReloader.Result.InFlight) {
        Pause.briefly(++waits);
      } else {
        reloads++;
        waits = 0;
      }
      if (tx.inTransaction(() -> pools.find(pool).orElseThrow().arrears() == 0)) {
        return tx.inTransaction(() -> runs.find(run.id()).orElseThrow());
      }
    }
    return switch (operations.apply(new RunOperation.StopForCredits(run.id()))) {
      case RunOutcome.Done done -> done.run();
      case RunOutcome outcome -> throw new IllegalStateException("cannot stop: " + outcome);
    };
  }
}
