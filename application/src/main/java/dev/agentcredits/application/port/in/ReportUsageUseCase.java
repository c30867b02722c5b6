package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RunView;

/** Charges metered usage exactly once per usage id; a run that runs dry is stopped. */
public interface ReportUsageUseCase {
  Outcome<RunView> report(ReportUsageCommand command);
}
