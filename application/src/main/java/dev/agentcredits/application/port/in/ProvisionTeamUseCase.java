package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.ProvisionedTeamView;

/** Creates a team with its owner, the owner's key and pool. */
public interface ProvisionTeamUseCase {
  Outcome<ProvisionedTeamView> provision(ProvisionTeamCommand command);
}
