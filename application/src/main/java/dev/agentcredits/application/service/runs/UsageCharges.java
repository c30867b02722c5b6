package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.RunStore.UsageKey;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.application.service.shared.RefusedException;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.ChargeOutcome;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * DOMAIN.md rules 3 and 5 for any number of usage reports in the caller's transaction: the runs are
 * locked first, then their pools, each in the order of their ids, so batches never deadlock; each
 * report is charged once per usage id, against the hold first, then the waterfall; what nothing
 * covers becomes arrears, and a run nobody can reload for is stopped at once.
 */
final class UsageCharges {
  private final TeamStore teams;
  private final PoolStore pools;
  private final RunStore runs;
  private final LedgerStore ledger;
  private final EventOutbox outbox;
  private final BillingTerms terms;
  private final Clock clock;

  UsageCharges(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      LedgerStore ledger,
      EventOutbox outbox,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.runs = runs;
    this.ledger = ledger;
    this.outbox = outbox;
    this.terms = terms;
    this.clock = clock;
  }

  /** What one report came to. */
  sealed interface Result {
    /** {@code inArrears}: the run is open and its pool owes credits that a reload may pay. */
    record Charged(Run run, Pool pool, boolean inArrears, boolean canReload, boolean replayed)
        implements Result {}

    record Refused(Refusal refusal) implements Result {}
  }

  /** One result per report, in order. */
  List<Result> chargeAll(List<ReportUsageCommand> reports) {
    Map<RunId, Run> locked = new HashMap<>();
    for (Run run : runs.lockAll(reports.stream().map(ReportUsageCommand::run).toList())) {
      locked.put(run.id(), run);
    }
    Map<UsageKey, Long> seen =
        new HashMap<>(runs.findUsages(reports.stream().map(UsageCharges::key).toList()));
    PoolChanges changes = new PoolChanges(pools, ledger, outbox, terms, clock.instant());
    LockedPools lockedPools = lockPools(reports, locked, seen, changes);
    List<Result> results = new ArrayList<>(reports.size());
    List<RunStore.Usage> recorded = new ArrayList<>();
    Map<RunId, Run> changed = new LinkedHashMap<>();
    for (ReportUsageCommand report : reports) {
      try {
        Run run = visible(report, locked);
        Long before = seen.get(key(report));
        if (before != null) {
          results.add(replay(report, run, before));
          continue;
        }
        Result.Charged charged = charge(report, run, lockedPools, changes);
        seen.put(key(report), report.credits());
        recorded.add(new RunStore.Usage(run.id(), report.usage(), report.credits(), changes.now()));
        locked.put(run.id(), charged.run());
        changed.put(run.id(), charged.run());
        results.add(charged);
      } catch (RefusedException refused) {
        results.add(new Result.Refused(refused.refusal()));
      }
    }
    runs.recordUsages(recorded);
    changed.values().forEach(runs::update);
    changes.flush();
    return results;
  }

  private static UsageKey key(ReportUsageCommand report) {
    return new UsageKey(report.run(), report.usage());
  }

  private static Run visible(ReportUsageCommand report, Map<RunId, Run> locked) {
    Access.requireUsageReporter(report.caller());
    Run run = locked.get(report.run());
    if (run == null) {
      throw new RefusedException(Refusal.notFound("task " + report.run()));
    }
    return Access.visibleRun(report.caller(), run);
  }

  /** A usage id the run has seen: the same report again is answered as the run stands now. */
  private static Result replay(ReportUsageCommand report, Run run, long credits) {
    if (credits != report.credits()) {
      return new Result.Refused(
          Refusal.conflict("usage_id " + report.usage() + " was reported with other credits"));
    }
    return new Result.Charged(run, null, false, false, true);
  }

  /** The pools a batch charges, as it leaves them, and which of them may buy add-ons. */
  private record LockedPools(Map<PoolId, Pool> current, Set<PoolId> addOns) {}

  /** The pools the new reports charge, locked in the order of their ids. */
  private LockedPools lockPools(
      List<ReportUsageCommand> reports,
      Map<RunId, Run> locked,
      Map<UsageKey, Long> seen,
      PoolChanges changes) {
    Map<PoolId, TeamId> owners = new HashMap<>();
    for (ReportUsageCommand report : reports) {
      Run run = locked.get(report.run());
      if (run != null && !seen.containsKey(key(report))) {
        owners.put(run.billedPool().poolId(), run.team());
      }
    }
    Map<TeamId, Team> teamsById = new HashMap<>();
    LockedPools lockedPools = new LockedPools(new HashMap<>(), new HashSet<>());
    var ordered = new TreeSet<PoolId>(Comparator.comparing(PoolId::value));
    ordered.addAll(owners.keySet());
    for (PoolId pool : ordered) {
      Team team = teamsById.computeIfAbsent(owners.get(pool), id -> teams.find(id).orElseThrow());
      lockedPools.current().put(pool, changes.lockCurrent(pool, team.plan()));
      if (team.plan().allowsAddOns()) {
        lockedPools.addOns().add(pool);
      }
    }
    return lockedPools;
  }

  private Result.Charged charge(
      ReportUsageCommand report, Run run, LockedPools lockedPools, PoolChanges changes) {
    PoolId poolId = run.billedPool().poolId();
    Pool before = lockedPools.current().get(poolId);
    ChargeOutcome charge =
        before.charge(
            run.id(), run.hold(), report.usage().value(), report.credits(), changes.now());
    Pool after = changes.apply(charge.transition());
    Run charged = run.charged(charge.total(), charge.remainingHold(), changes.now());
    changes.raise(BillingEvents.usageCharged(charged, report.usage(), charge, changes.now()));
    changes.raiseAll(BillingEvents.balanceCrossings(before, after, changes.now()));
    boolean canReload = lockedPools.addOns().contains(poolId) && after.autoReload().enabled();
    boolean inArrears = !charge.fullyCovered() && charged.state().isOpen();
    if (inArrears && !canReload) {
      after = changes.apply(after.release(run.id(), charged.hold(), changes.now()));
      charged = stopped(charged, changes);
      inArrears = false;
    }
    lockedPools.current().put(poolId, after);
    return new Result.Charged(charged, after, inArrears, canReload, false);
  }

  /** A run its pool cannot pay for: stopped, its hold already released by the caller. */
  static Run stopped(Run run, PoolChanges changes) {
    Run stopped = run.stoppedForCredits(changes.now());
    changes.raise(BillingEvents.run(EventType.RUN_STOPPED, stopped, changes.now()));
    return stopped;
  }
}
