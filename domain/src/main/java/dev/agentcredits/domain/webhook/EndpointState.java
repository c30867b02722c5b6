package dev.agentcredits.domain.webhook;

/** An endpoint gets events while enabled; one that failed for 3 days is disabled (rule 26). */
public enum EndpointState {
  ENABLED,
  DISABLED
}
