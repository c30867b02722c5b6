package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.RunStore.UsageKey;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.UsageRecord;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one transaction on runs holds, as its operations leave it: the runs, locked first, then the
 * pools the operations may change, each in the order of their ids (so that transactions sharing
 * runs or pools never deadlock), and the usage reports the runs have seen.
 */
final class LockedRuns {
  private final Map<RunId, Run> runs = new HashMap<>();
  private final Map<UsageKey, RunStore.Usage> seen;
  private final Map<PoolId, Plan> plans = new HashMap<>();
  private final PoolChanges changes;

  private LockedRuns(Map<UsageKey, RunStore.Usage> seen, PoolChanges changes) {
    this.seen = new HashMap<>(seen);
    this.changes = changes;
  }

  static LockedRuns lock(
      List<RunOperation> operations, RunStore runStore, TeamStore teams, PoolChanges changes) {
    List<Run> lockedRuns = runStore.lockAll(operations.stream().map(RunOperation::run).toList());
    List<UsageKey> keys = new ArrayList<>();
    for (RunOperation operation : operations) {
      if (operation instanceof RunOperation.Usage) {
        keys.add(key(operation));
      }
    }
    LockedRuns locked = new LockedRuns(runStore.findUsages(keys), changes);
    lockedRuns.forEach(locked::moved);
    Map<PoolId, TeamId> owners = new TreeMap<>(Comparator.comparing(PoolId::value));
    for (RunOperation operation : operations) {
      Run run = locked.run(operation.run());
      if (run != null && locked.needsPool(operation, run)) {
        owners.put(run.billedPool().poolId(), run.team());
      }
    }
    Map<TeamId, Plan> teamPlans = new HashMap<>();
    owners.forEach((pool, team) -> {
      Plan plan = teamPlans.computeIfAbsent(team, id -> teams.find(id).orElseThrow().plan());
      changes.lockCurrent(pool, plan);
      locked.plans.put(pool, plan);
    });
    return locked;
  }

  /** A report the run has seen needs no pool; an ended run has no hold to give back. */
  private boolean needsPool(RunOperation operation, Run run) {
    return operation instanceof RunOperation.Usage
        ? !seen.containsKey(key(operation))
        : run.state().isOpen();
  }

  static UsageKey key(RunOperation operation) {
    if (!(operation instanceof RunOperation.Usage(var report))) {
      throw new IllegalArgumentException("only a usage report has a usage id");
    }
    return new UsageKey(report.run(), report.usage());
  }

  /** The run as the operations so far left it, or null if it does not exist. */
  Run run(RunId id) {
    return runs.get(id);
  }

  void moved(Run run) {
    runs.put(run.id(), run);
  }

  /** The plan of the team whose pool this transaction locked, or null if it did not lock it. */
  Plan planOf(PoolId pool) {
    return plans.get(pool);
  }

  /** A locked pool as the operations so far left it. */
  Pool pool(PoolId id) {
    return changes.current(id);
  }

  /** The report the run has seen under this usage id (in this transaction too), or null. */
  RunStore.Usage seen(UsageKey key) {
    return seen.get(key);
  }

  /** The report {@code run} was just charged for, kept with the answer it got. */
  RunStore.Usage charged(Run run, UsageRecord record) {
    var usage =
        new RunStore.Usage(
            run.id(), record.usage(), record.credits(), record.at(), RunStore.Answered.of(run));
    seen.put(usage.key(), usage);
    return usage;
  }
}
