package dev.agentcredits.domain.refusal;

/** Who can do something about a refusal. */
public enum Fixer {
  TRIGGERING_USER,
  TEAM_OWNER,
  TEAM_ADMIN,
  /** The team owner or any admin: the spend cap and the team's card are theirs (rules 7, 19). */
  OWNER_OR_ADMIN,
  ACCOUNT_MANAGER
}
