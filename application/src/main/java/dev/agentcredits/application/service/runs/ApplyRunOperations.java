package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.application.service.shared.RefusedException;
import dev.agentcredits.domain.limit.MemberBudget;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunDecision;
import dev.agentcredits.domain.run.RunEnding;
import dev.agentcredits.domain.run.UsageCharging;
import dev.agentcredits.domain.run.UsageRecord;
import dev.agentcredits.domain.run.UsageReport;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Operations on runs as one transaction: lock what they need ({@link LockedRuns}), fold the pure
 * decisions of the domain over them in order, each seeing the runs, pools and members' limits
 * ({@link MemberBudgets}) the previous ones left, and save what they decided in one write.
 */
public final class ApplyRunOperations implements RunOperations {
  private final TeamStore teams;
  private final PoolBook pools;
  private final RunStore runs;
  private final MemberLimitBook limits;
  private final TransactionRunner tx;
  private final BillingTerms terms;

  public ApplyRunOperations(
      TeamStore teams,
      PoolBook pools,
      RunStore runs,
      MemberLimitBook limits,
      TransactionRunner tx,
      BillingTerms terms) {
    this.teams = teams;
    this.pools = pools;
    this.runs = runs;
    this.limits = limits;
    this.tx = tx;
    this.terms = terms;
  }

  @Override
  public List<RunOutcome> applyAll(List<RunOperation> operations) {
    return tx.inTransaction(() -> {
      PoolChanges changes = pools.open();
      LockedRuns locked = LockedRuns.lock(operations, runs, teams, changes);
      MemberBudgets budgets = limits.open(changes.now());
      budgets.read(MemberBudgets.membersOf(changing(operations, locked)));
      List<RunOutcome> outcomes = new ArrayList<>(operations.size());
      for (RunOperation operation : operations) {
        outcomes.add(apply(operation, locked, budgets, changes));
      }
      budgets.keepIn(changes);
      changes.flush();
      return outcomes;
    });
  }

  private RunOutcome apply(
      RunOperation operation, LockedRuns locked, MemberBudgets budgets, PoolChanges changes) {
    Run run;
    try {
      run = visible(operation, locked);
    } catch (RefusedException refused) {
      return new RunOutcome.Refused(refused.refusal());
    }
    MemberBudget budget = budgets.of(run.countsAgainst().orElse(null));
    return switch (decide(operation, run, locked, budget, changes.now())) {
      case RunDecision.Moved moved -> {
        changes.apply(moved.change());
        changes.progressed(moved.run());
        locked.moved(moved.run());
        budgets.moved(run, moved.run());
        if (moved.usage() != null) {
          changes.recorded(locked.charged(moved.run(), moved.usage()));
        }
        yield new RunOutcome.Done(moved.run(), true, moved.next());
      }
      case RunDecision.Unchanged unchanged ->
          new RunOutcome.Done(unchanged.run(), false, RunDecision.Next.NOTHING);
      case RunDecision.Replayed replayed ->
          new RunOutcome.Replayed(
              replayed.run(), locked.seen(LockedRuns.key(operation)).answered());
      case RunDecision.Refused refused ->
          new RunOutcome.Refused(
              switch (refused.reason()) {
                case CONFLICT -> Refusal.conflict(refused.detail());
                case INVALID -> Refusal.invalid(refused.detail());
              });
    };
  }

  private RunDecision decide(
      RunOperation operation, Run run, LockedRuns locked, MemberBudget budget, Instant now) {
    PoolId poolId = run.billedPool().poolId();
    Plan plan = locked.planOf(poolId);
    Pool pool = plan == null ? null : locked.pool(poolId);
    return switch (operation) {
      case RunOperation.Usage usage -> {
        RunStore.Usage seen = locked.seen(LockedRuns.key(usage));
        yield UsageCharging.decide(
            run,
            pool,
            new UsageReport(usage.command().usage(), usage.command().credits()),
            seen == null ? null : new UsageRecord(seen.usage(), seen.credits(), seen.at()),
            new UsageCharging.Terms(terms.lateUsageWindow(), plan != null && plan.allowsAddOns()),
            budget,
            now);
      }
      case RunOperation.Complete complete -> RunEnding.complete(run, pool, now);
      case RunOperation.Cancel cancel -> RunEnding.cancel(run, pool, now);
      case RunOperation.StopForCredits stop -> RunEnding.stopForCredits(run, pool, now);
      case RunOperation.SettleIdle idle ->
          RunEnding.settleIdle(run, pool, terms.holdTimeToLive(), now);
    };
  }

  /** The runs, as locked, whose pools this transaction locked: those the operations may change. */
  private static List<Run> changing(List<RunOperation> operations, LockedRuns locked) {
    return operations.stream()
        .map(operation -> locked.run(operation.run()))
        .filter(run -> run != null && locked.planOf(run.billedPool().poolId()) != null)
        .toList();
  }

  /** The run, if it exists and the caller may act on it; a refusal otherwise. */
  private static Run visible(RunOperation operation, LockedRuns locked) {
    Caller caller =
        switch (operation) {
          case RunOperation.Usage usage -> {
            Access.requireUsageReporter(usage.command().caller());
            yield usage.command().caller();
          }
          case RunOperation.Complete complete -> complete.command().caller();
          case RunOperation.Cancel cancel -> cancel.command().caller();
          case RunOperation.StopForCredits stop -> new Caller.Operator();
          case RunOperation.SettleIdle idle -> new Caller.Operator();
        };
    Run run = locked.run(operation.run());
    if (run == null) {
      throw Guard.refuse(Refusal.notFound("task " + operation.run()));
    }
    return Access.visibleRun(caller, run);
  }
}
