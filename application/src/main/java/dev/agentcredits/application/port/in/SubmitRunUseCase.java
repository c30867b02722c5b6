package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RunView;

/** Accepts a run by placing its start hold, or refuses it with insufficient_credits. */
public interface SubmitRunUseCase {
  Outcome<RunView> submit(SubmitRunCommand command);
}
