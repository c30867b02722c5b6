package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.RunStore.UsageKey;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.application.service.shared.RefusedException;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage reports and completions, any number of them, in the caller's transaction (DOMAIN.md rules
 * 3, 4 and 5). The runs are locked first, then the pools they bill, each in the order of their ids,
 * so batches never deadlock; then each operation is applied in turn to the run and pool the
 * previous one left, and everything is written together.
 */
final class RunBatch {
  private final TeamStore teams;
  private final PoolStore pools;
  private final RunStore runs;
  private final BatchWriter batches;
  private final BillingTerms terms;
  private final Clock clock;

  RunBatch(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.runs = runs;
    this.batches = batches;
    this.terms = terms;
    this.clock = clock;
  }

  /** What one operation came to. */
  sealed interface Result {
    /** {@code inArrears}: the run is open and its pool owes credits that a reload may pay. */
    record Charged(Run run, Pool pool, boolean inArrears, boolean canReload) implements Result {}

    /**
     * A usage id the run has seen: {@code answered} is what its first report was answered with
     * (null when not kept: answer from the run as it stands).
     */
    record Replayed(Run run, RunStore.Answered answered) implements Result {}

    record Completed(Run run) implements Result {}

    record Refused(Refusal refusal) implements Result {}
  }

  /** One result per operation, in order. */
  List<Result> apply(List<RunOperation> operations) {
    Map<RunId, Run> locked = new HashMap<>();
    for (Run run : runs.lockAll(operations.stream().map(RunOperation::run).toList())) {
      locked.put(run.id(), run);
    }
    List<UsageKey> usageKeys = new ArrayList<>();
    for (RunOperation operation : operations) {
      if (operation instanceof RunOperation.Usage usage) {
        usageKeys.add(RunWork.key(usage.command()));
      }
    }
    var changes = new PoolChanges(pools, batches, terms, clock.instant());
    var work =
        new RunWork(
            locked, new HashMap<>(runs.findUsages(usageKeys)), changes, terms.lateUsageWindow());
    lockPools(operations, work);
    List<Result> results = new ArrayList<>(operations.size());
    for (RunOperation operation : operations) {
      try {
        results.add(work.apply(operation, visible(operation, locked)));
      } catch (RefusedException refused) {
        results.add(new Result.Refused(refused.refusal()));
      }
    }
    runs.recordUsages(work.recorded());
    runs.updateProgress(work.changed().values());
    changes.flush();
    return results;
  }

  private static Run visible(RunOperation operation, Map<RunId, Run> locked) {
    if (operation instanceof RunOperation.Usage) {
      Access.requireUsageReporter(operation.caller());
    }
    Run run = locked.get(operation.run());
    if (run == null) {
      throw new RefusedException(Refusal.notFound("task " + operation.run()));
    }
    return Access.visibleRun(operation.caller(), run);
  }

  /** The pools the operations may change, locked in the order of their ids. */
  private void lockPools(List<RunOperation> operations, RunWork work) {
    Map<PoolId, TeamId> owners = new TreeMap<>(Comparator.comparing(PoolId::value));
    for (RunOperation operation : operations) {
      Run run = work.locked().get(operation.run());
      if (run != null && work.needsPool(operation, run)) {
        owners.put(run.billedPool().poolId(), run.team());
      }
    }
    Map<TeamId, Team> teamsById = new HashMap<>();
    owners.forEach((pool, owner) -> {
      Team team = teamsById.computeIfAbsent(owner, id -> teams.find(id).orElseThrow());
      work.lockedPool(work.changes().lockCurrent(pool, team.plan()), team.plan().allowsAddOns());
    });
  }
}
