package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.TeamId;

/** Tells the simulated payment gateway to decline, or accept again, one team's payments. */
public interface PaymentSimulation {
  void setDeclined(TeamId team, boolean declined);
}
