package dev.agentcredits.domain.run;

/** Why a run is FAILED. */
public enum RunFailure {
  INSUFFICIENT_CREDITS;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
