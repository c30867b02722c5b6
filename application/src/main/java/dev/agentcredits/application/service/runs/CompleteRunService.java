package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;

/**
 * DOMAIN.md rule 4: completion settles the run; completing it again answers the same ({@link
 * dev.agentcredits.domain.run.RunEnding#complete}).
 */
public final class CompleteRunService implements CompleteRunUseCase {
  private final RunOperations operations;

  public CompleteRunService(RunOperations operations) {
    this.operations = operations;
  }

  @Override
  public Outcome<RunView> complete(RunCommand command) {
    return operations.apply(new RunOperation.Complete(command)).answer();
  }
}
