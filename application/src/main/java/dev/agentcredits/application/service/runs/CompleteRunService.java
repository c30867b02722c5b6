package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.service.runs.RunBatch.Result;
import dev.agentcredits.application.service.shared.Views;

/**
 * DOMAIN.md rule 4: completion settles the run; completing it again answers the same. Completions
 * share transactions with other operations on runs ({@link RunOperations}).
 */
public final class CompleteRunService implements CompleteRunUseCase {
  private final RunOperations operations;

  public CompleteRunService(RunOperations operations) {
    this.operations = operations;
  }

  @Override
  public Outcome<RunView> complete(RunCommand command) {
    return switch (operations.apply(new RunOperation.Complete(command))) {
      case Result.Completed completed -> Outcome.ok(Views.run(completed.run()));
      case Result.Refused refused -> Outcome.refused(refused.refusal());
      case Result.Charged charged -> throw new IllegalStateException("not a completion");
      case Result.Replayed replayed -> throw new IllegalStateException("not a completion");
    };
  }
}
