package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.ReportUsageBatchUseCase;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.ReportUsageUseCase;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DOMAIN.md rules 3, 5 and 27: usage is charged once per usage id, against the hold first, then the
 * waterfall ({@link dev.agentcredits.domain.run.UsageCharging}); what nothing covers becomes
 * arrears. Once the charge is committed, a reload may pay the arrears (or the run stops) or top the
 * pool up. A batch of reports is one transaction.
 */
public final class ReportUsageService implements ReportUsageUseCase, ReportUsageBatchUseCase {
  private final RunOperations operations;
  private final AutoReloader reloader;
  private final ArrearsSettlement arrears;

  public ReportUsageService(
      RunOperations operations, AutoReloader reloader, ArrearsSettlement arrears) {
    this.operations = operations;
    this.reloader = reloader;
    this.arrears = arrears;
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
   * What the committed charges ask for, outside any lock: arrears a reload may pay (or the run
   * stops), and the reload a pool at or below its threshold wants; each once per run or pool.
   */
  private List<Outcome<RunView>> afterCommit(List<RunOutcome> charges) {
    Map<RunId, Run> settled = new HashMap<>();
    Set<PoolId> reloaded = new HashSet<>();
    List<Outcome<RunView>> answers = new ArrayList<>(charges.size());
    for (RunOutcome charge : charges) {
      if (!(charge instanceof RunOutcome.Done(Run run, var changed, var next))) {
        answers.add(charge.answer());
        continue;
      }
      Run answered =
          switch (next) {
            case PAY_ARREARS -> settled.computeIfAbsent(run.id(), id -> arrears.settleOrStop(run));
            case TOP_UP -> {
              if (reloaded.add(run.billedPool().poolId())) {
                reloader.reload(run.billedPool().poolId());
              }
              yield run;
            }
            case NOTHING -> run;
          };
      answers.add(Outcome.ok(Views.run(answered)));
    }
    return answers;
  }
}
