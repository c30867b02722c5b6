package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.domain.shared.RunId;

/** What a batch of work on queued runs does to one run: charge usage, or complete it. */
sealed interface RunOperation {
  RunId run();

  Caller caller();

  record Usage(ReportUsageCommand command) implements RunOperation {
    @Override
    public RunId run() {
      return command.run();
    }

    @Override
    public Caller caller() {
      return command.caller();
    }
  }

  record Complete(RunCommand command) implements RunOperation {
    @Override
    public RunId run() {
      return command.run();
    }

    @Override
    public Caller caller() {
      return command.caller();
    }
  }
}
