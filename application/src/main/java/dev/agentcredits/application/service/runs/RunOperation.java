package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.domain.shared.RunId;

/** One thing to do to a run that exists: charge usage, complete, cancel, stop or settle it. */
public sealed interface RunOperation {
  RunId run();

  /** Rules 3, 5 and 27, for the platform's usage reports. */
  record Usage(ReportUsageCommand command) implements RunOperation {
    @Override
    public RunId run() {
      return command.run();
    }
  }

  /** Rule 4, for whoever may act on the run. */
  record Complete(RunCommand command) implements RunOperation {
    @Override
    public RunId run() {
      return command.run();
    }
  }

  /** Rule 21, for whoever may complete the run. */
  record Cancel(RunCommand command) implements RunOperation {
    @Override
    public RunId run() {
      return command.run();
    }
  }

  /** Rule 5, once no reload paid the arrears a charge left on the run's pool. */
  record StopForCredits(RunId run) implements RunOperation {}

  /** Rule 14, for a run idle past its hold's time to live. */
  record SettleIdle(RunId run) implements RunOperation {}
}
