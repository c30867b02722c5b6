package dev.agentcredits.domain.shared;

public record RunId(String value) {
  public RunId {
    Ids.requireValid(value, "RunId");
  }

  @Override
  public String toString() {
    return value;
  }
}
