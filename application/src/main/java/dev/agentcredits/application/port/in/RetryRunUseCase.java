package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RunView;

/** Runs billing afresh for a FAILED run. */
public interface RetryRunUseCase {
  Outcome<RunView> retry(RunCommand command);
}
