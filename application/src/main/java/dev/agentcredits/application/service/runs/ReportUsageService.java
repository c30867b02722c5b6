package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.ReportUsageBatchUseCase;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.ReportUsageUseCase;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.runs.RunBatch.Result;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.spend.AutoReloadPolicy;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DOMAIN.md rules 3 and 5: usage is charged once per usage id, against the hold first, then the
 * waterfall; what nothing covers becomes arrears. A queued run that runs dry is stopped, unless
 * auto-reload pays the arrears first.
 *
 * <p>Reports that arrive one by one share transactions with other operations on runs ({@link
 * RunOperations}); a batch of reports is one transaction.
 */
public final class ReportUsageService implements ReportUsageUseCase, ReportUsageBatchUseCase {
  private final RunOperations operations;
  private final AutoReloader reloader;
  private final ArrearsSettlement arrears;

  public ReportUsageService(
      RunOperations operations,
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      TransactionRunner tx,
      AutoReloader reloader,
      BillingTerms terms,
      Clock clock) {
    this.operations = operations;
    this.reloader = reloader;
    this.arrears = new ArrearsSettlement(teams, pools, runs, batches, tx, reloader, terms, clock);
  }

  @Override
  public Outcome<RunView> report(ReportUsageCommand command) {
    return afterCommit(List.of(operations.apply(new RunOperation.Usage(command)))).getFirst();
  }

  @Override
  public List<Outcome<RunView>> reportAll(List<ReportUsageCommand> reports) {
    if (reports.size() > MAX_REPORTS) {
      throw new IllegalArgumentException("at most " + MAX_REPORTS + " reports at a time");
    }
    if (reports.isEmpty()) {
      return List.of();
    }
    return afterCommit(
        operations.applyAll(reports.stream().<RunOperation>map(RunOperation.Usage::new).toList()));
  }

  /**
   * What is left once the charges are committed: arrears a reload may pay (or the run stops), and
   * the reload a pool below its threshold wants; each once per run or pool.
   */
  private List<Outcome<RunView>> afterCommit(List<Result> results) {
    Map<RunId, Run> settled = new HashMap<>();
    Set<PoolId> reloaded = new HashSet<>();
    List<Outcome<RunView>> outcomes = new ArrayList<>(results.size());
    for (Result result : results) {
      outcomes.add(
          switch (result) {
            case Result.Refused refused -> Outcome.refused(refused.refusal());
            case Result.Replayed replayed ->
                Outcome.ok(Views.run(replayed.run(), replayed.answered())).asReplay();
            case Result.Charged charged ->
                Outcome.ok(Views.run(settle(charged, settled, reloaded)));
            case Result.Completed completed ->
                throw new IllegalStateException("a usage batch completes no run");
          });
    }
    return outcomes;
  }

  private Run settle(Result.Charged charged, Map<RunId, Run> settled, Set<PoolId> reloaded) {
    Run run = charged.run();
    if (charged.inArrears()) {
      return settled.computeIfAbsent(run.id(), id -> arrears.settleOrStop(run));
    }
    PoolId pool = run.billedPool().poolId();
    if (charged.canReload() && AutoReloadPolicy.wantsReload(charged.pool()) && reloaded.add(pool)) {
      reloader.reload(pool);
    }
    return run;
  }
}
