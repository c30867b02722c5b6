package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.CancelRunUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;

/**
 * DOMAIN.md rule 21: a queued run is CANCELLED, its unused hold goes back as at completion; who may
 * cancel is who may complete. A run already final is a conflict (cancelling twice included; {@link
 * dev.agentcredits.domain.run.RunEnding#cancel}).
 */
public final class CancelRunService implements CancelRunUseCase {
  private final RunOperations operations;

  public CancelRunService(RunOperations operations) {
    this.operations = operations;
  }

  @Override
  public Outcome<RunView> cancel(RunCommand command) {
    return operations.apply(new RunOperation.Cancel(command)).answer();
  }
}
