package dev.agentcredits.domain.principal;

/** Why a pool was billed: whose credits a run draws from. */
public enum Payer {
  TRIGGERING_USER,
  TEAM_OWNER,
  TEAM_POOL
}
