package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;

/** Operator tools for tests and demos: the manual clock and the simulated payment gateway. */
public interface OperationsUseCase {
  Outcome<Instant> advanceClock(Caller caller, long seconds);

  Outcome<Boolean> setPaymentsDeclined(Caller caller, TeamId team, boolean declined);
}
