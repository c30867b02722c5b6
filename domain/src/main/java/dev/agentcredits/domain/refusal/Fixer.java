package dev.agentcredits.domain.refusal;

/** Who can do something about a refusal. */
public enum Fixer {
  TRIGGERING_USER,
  TEAM_OWNER,
  TEAM_ADMIN,
  ACCOUNT_MANAGER
}
