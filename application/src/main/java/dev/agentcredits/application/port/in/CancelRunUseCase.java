package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RunView;

/**
 * DOMAIN.md rule 21: a queued run is CANCELLED; usage reported stays charged, the rest goes back.
 */
public interface CancelRunUseCase {
  Outcome<RunView> cancel(RunCommand command);
}
