package dev.agentcredits.domain.shared;

public record TeamId(String value) {
  public TeamId {
    Ids.requireValid(value, "TeamId");
  }

  @Override
  public String toString() {
    return value;
  }
}
