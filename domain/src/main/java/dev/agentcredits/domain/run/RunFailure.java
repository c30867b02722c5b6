package dev.agentcredits.domain.run;

/** Why a run is FAILED. */
public enum RunFailure {
  INSUFFICIENT_CREDITS,
  /** The member who started it reached their monthly credit limit (DOMAIN.md rule 24). */
  BUDGET_EXCEEDED;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
