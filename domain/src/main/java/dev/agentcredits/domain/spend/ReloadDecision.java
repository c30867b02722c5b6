package dev.agentcredits.domain.spend;

import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.terms.AddOnPrice;

/** Whether auto-reload may buy for a pool now. */
public sealed interface ReloadDecision {
  record Buy(AddOnPrice price) implements ReloadDecision {}

  record Refuse(ReloadFailure reason) implements ReloadDecision {}

  /** Another reload for this pool is under way: never two at once. */
  record AlreadyInFlight() implements ReloadDecision {}
}
