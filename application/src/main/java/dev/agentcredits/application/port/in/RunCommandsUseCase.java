package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RunView;
import java.util.List;
import java.util.Objects;

/**
 * The run use cases as a broker integration calls them (API.md "Messages"): each command under its
 * {@code command_id}. The same id with the same command changes nothing and answers the first
 * outcome again, marked replayed; with another command it is refused as a conflict; while the first
 * is still being answered, {@link Refusal.InFlight}.
 */
public interface RunCommandsUseCase {
  Outcome<RunView> submit(RequestKey commandId, SubmitRunCommand command);

  Outcome<RunView> report(RequestKey commandId, ReportUsageCommand command);

  /**
   * Reports with distinct command ids charged together ({@link ReportUsageBatchUseCase}); one
   * outcome each, in order, as {@link #report} would answer it alone.
   */
  List<Outcome<RunView>> reportAll(List<KeyedReport> reports);

  Outcome<RunView> complete(RequestKey commandId, RunCommand command);

  /** A usage report and the id of the command that carried it. */
  record KeyedReport(RequestKey commandId, ReportUsageCommand command) {
    public KeyedReport {
      Objects.requireNonNull(commandId, "commandId");
      Objects.requireNonNull(command, "command");
    }
  }
}
