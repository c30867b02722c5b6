package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.RunStore.UsageKey;
import dev.agentcredits.application.service.runs.RunBatch.Result;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.ChargeOutcome;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.run.LateUsage;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch's locked runs and pools as its operations leave them, and what each operation does:
 * usage charged once per usage id, against the hold first, then the waterfall (what nothing covers
 * becomes arrears, and a run nobody can reload for is stopped at once); a completion settles.
 */
final class RunWork {
  private final Map<RunId, Run> locked;
  private final Map<UsageKey, RunStore.Usage> seen;
  private final PoolChanges changes;
  private final Set<PoolId> addOns = new HashSet<>();
  private final List<RunStore.Usage> recorded = new ArrayList<>();
  private final Map<RunId, Run> changed = new LinkedHashMap<>();

  private final Duration lateUsageWindow;

  RunWork(
      Map<RunId, Run> locked,
      Map<UsageKey, RunStore.Usage> seen,
      PoolChanges changes,
      Duration lateUsageWindow) {
    this.locked = locked;
    this.seen = seen;
    this.changes = changes;
    this.lateUsageWindow = lateUsageWindow;
  }

  static UsageKey key(ReportUsageCommand report) {
    return new UsageKey(report.run(), report.usage());
  }

  Map<RunId, Run> locked() {
    return locked;
  }

  PoolChanges changes() {
    return changes;
  }

  List<RunStore.Usage> recorded() {
    return recorded;
  }

  Map<RunId, Run> changed() {
    return changed;
  }

  boolean needsPool(RunOperation operation, Run run) {
    return switch (operation) {
      case RunOperation.Usage usage -> !seen.containsKey(key(usage.command()));
      case RunOperation.Complete complete -> run.state().isOpen();
    };
  }

  void lockedPool(Pool pool, boolean mayBuyAddOns) {
    if (mayBuyAddOns) {
      addOns.add(pool.id());
    }
  }

  Result apply(RunOperation operation, Run run) {
    return switch (operation) {
      case RunOperation.Usage usage -> charge(usage.command(), run);
      case RunOperation.Complete complete -> complete(run);
    };
  }

  private Result charge(ReportUsageCommand report, Run run) {
    RunStore.Usage before = seen.get(key(report));
    if (before != null) {
      // The same report again replays its first answer; other credits are a conflict.
      return before.credits() == report.credits()
          ? new Result.Replayed(run, before.answered())
          : new Result.Refused(
              Refusal.conflict("usage_id " + report.usage() + " was reported with other credits"));
    }
    if (LateUsage.judge(run, changes.now(), lateUsageWindow) == LateUsage.TOO_LATE) {
      return new Result.Refused(
          Refusal.conflict(
              "the task ended (%s) at %s, more than %d hours before this report; usage is charged only up to %d hours after a task ends"
                  .formatted(
                      run.state(),
                      run.endedAt(),
                      lateUsageWindow.toHours(),
                      lateUsageWindow.toHours())));
    }
    // a queued run's usage, or late usage on an ended one (rule 27): an ended run holds nothing,
    // so the charge goes to the waterfall, into arrears if need be, and usage.charged says so
    PoolId poolId = run.billedPool().poolId();
    Pool pool = changes.current(poolId);
    ChargeOutcome charge =
        pool.charge(run.id(), run.hold(), report.usage().value(), report.credits(), changes.now());
    Pool after = changes.apply(charge.transition());
    Run charged = run.charged(charge.total(), charge.remainingHold(), changes.now());
    changes.raise(BillingEvents.usageCharged(charged, report.usage(), charge, changes.now()));
    changes.raiseAll(BillingEvents.balanceCrossings(pool, after, changes.now()));
    if (!run.state().isOpen() && charge.uncovered() > 0 && pool.available() <= 0) {
      // late usage into arrears on a pool already empty: no crossing, but it is depleted again
      changes.raise(BillingEvents.depleted(after, changes.now()));
    }
    boolean canReload = addOns.contains(poolId) && after.autoReload().enabled();
    boolean inArrears = !charge.fullyCovered() && charged.state().isOpen();
    if (inArrears && !canReload) {
      charged = stopped(charged, changes);
      after = changes.current(poolId);
      inArrears = false;
    }
    var usage =
        new RunStore.Usage(
            run.id(),
            report.usage(),
            report.credits(),
            changes.now(),
            RunStore.Answered.of(charged));
    seen.put(key(report), usage);
    recorded.add(usage);
    changed(charged);
    return new Result.Charged(charged, after, inArrears, canReload);
  }

  /** DOMAIN.md rule 4: completion settles the run; completing it again answers the same. */
  private Result complete(Run run) {
    if (run.state() == RunState.SUCCEEDED) {
      return new Result.Completed(run);
    }
    if (!run.state().isOpen()) {
      String why = run.failure() == null ? "" : " (" + run.failure().code() + ")";
      return new Result.Refused(
          Refusal.invalid(
              "the task is " + run.state() + why + " and cannot complete; retry it instead"));
    }
    Run done = RunSettlement.completeLocked(run, changes);
    changed(done);
    return new Result.Completed(done);
  }

  private void changed(Run run) {
    locked.put(run.id(), run);
    changed.put(run.id(), run);
  }

  /** A run its locked pool cannot pay for: its hold goes back and it is stopped (rule 5). */
  static Run stopped(Run run, PoolChanges changes) {
    return RunSettlement.releaseLocked(
        run,
        run::stoppedForCredits,
        (stopped, at) -> BillingEvents.run(EventType.RUN_STOPPED, stopped, at),
        changes);
  }
}
