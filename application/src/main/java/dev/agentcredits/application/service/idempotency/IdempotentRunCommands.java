package dev.agentcredits.application.service.idempotency;

import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.ReportUsageBatchUseCase;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.ReportUsageUseCase;
import dev.agentcredits.application.port.in.RequestKey;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.RunCommandsUseCase;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.SubmitRunUseCase;
import dev.agentcredits.application.port.in.view.RunView;
import java.util.List;

/**
 * The run use cases under the command ids of broker messages ({@link Idempotency}). Every outcome
 * is kept, refusals too: a replayed command changes nothing and gets the first answer again.
 */
public final class IdempotentRunCommands implements RunCommandsUseCase {
  private static final Operation<RunView> SUBMIT =
      Operation.keepingEvery("submit_run", RunView.class);
  private static final Operation<RunView> REPORT =
      Operation.keepingEvery("report_usage", RunView.class);
  private static final Operation<RunView> COMPLETE =
      Operation.keepingEvery("complete_run", RunView.class);

  private final SubmitRunUseCase submitRun;
  private final ReportUsageUseCase reportUsage;
  private final ReportUsageBatchUseCase reportUsageBatch;
  private final CompleteRunUseCase completeRun;
  private final Idempotency idempotency;

  public IdempotentRunCommands(
      SubmitRunUseCase submitRun,
      ReportUsageUseCase reportUsage,
      ReportUsageBatchUseCase reportUsageBatch,
      CompleteRunUseCase completeRun,
      Idempotency idempotency) {
    this.submitRun = submitRun;
    this.reportUsage = reportUsage;
    this.reportUsageBatch = reportUsageBatch;
    this.completeRun = completeRun;
    this.idempotency = idempotency;
  }

  @Override
  public Outcome<RunView> submit(RequestKey commandId, SubmitRunCommand command) {
    var request =
        Keyed.of(
            command,
            command.caller(),
            commandId,
            command.team() == null ? null : command.team().value(),
            command.trigger() == null ? null : command.trigger().name(),
            command.member() == null ? null : command.member().value(),
            command.scheduleId(),
            command.prompt());
    return idempotency.once(SUBMIT, request, submitRun::submit);
  }

  @Override
  public Outcome<RunView> report(RequestKey commandId, ReportUsageCommand command) {
    return idempotency.once(REPORT, keyed(commandId, command), reportUsage::report);
  }

  @Override
  public List<Outcome<RunView>> reportAll(List<KeyedReport> reports) {
    return idempotency.onceEach(
        REPORT,
        reports.stream().map(r -> keyed(r.commandId(), r.command())).toList(),
        reportUsageBatch::reportAll);
  }

  @Override
  public Outcome<RunView> complete(RequestKey commandId, RunCommand command) {
    var request = Keyed.of(command, command.caller(), commandId, command.run().value());
    return idempotency.once(COMPLETE, request, completeRun::complete);
  }

  private static Keyed<ReportUsageCommand> keyed(RequestKey commandId, ReportUsageCommand report) {
    return Keyed.of(
        report,
        report.caller(),
        commandId,
        report.run().value(),
        report.usage().value(),
        Long.toString(report.credits()));
  }
}
