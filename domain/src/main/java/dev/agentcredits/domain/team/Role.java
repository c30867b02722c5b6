package dev.agentcredits.domain.team;

public enum Role {
  OWNER,
  ADMIN,
  MEMBER;

  /** Owners and admins manage the team's billing. */
  public boolean administers() {
    return this != MEMBER;
  }
}
