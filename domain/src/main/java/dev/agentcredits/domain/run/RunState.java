package dev.agentcredits.domain.run;

public enum RunState {
  QUEUED,
  SUCCEEDED,
  FAILED,
  ERROR,
  CANCELLED;

  public boolean isOpen() {
    return this == QUEUED;
  }
}
