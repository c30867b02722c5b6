package dev.agentcredits.domain.principal;

/** How a run was started. */
public enum Trigger {
  USER,
  TEAM_API_KEY,
  SCHEDULED
}
