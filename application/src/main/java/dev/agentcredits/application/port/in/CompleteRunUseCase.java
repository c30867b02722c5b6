package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RunView;

/** Settles a run: the unused hold goes back where it came from. */
public interface CompleteRunUseCase {
  Outcome<RunView> complete(RunCommand command);
}
