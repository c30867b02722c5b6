package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.GrantView;

/** Funds an Enterprise team pool under its contract. */
public interface GrantContractCreditsUseCase {
  Outcome<GrantView> grant(GrantContractCreditsCommand command);
}
