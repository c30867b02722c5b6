package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.team.Team;

/**
 * The team's month spend row is the lock of its cap: RaiseSpendCap changes the cap while holding
 * it. A cap read before taking that lock may be one a concurrent change has just lowered, so
 * whoever decides a purchase reads the cap again once the lock is theirs.
 */
public final class SpendCaps {
  private SpendCaps() {}

  /** Call with the team's month spend row locked. */
  public static Money asLocked(TeamStore teams, Team team) {
    return teams.find(team.id()).orElseThrow().monthlySpendCap();
  }
}
