package dev.agentcredits.domain.shared;

public record PoolId(String value) {
  public PoolId {
    Ids.requireValid(value, "PoolId");
  }

  @Override
  public String toString() {
    return value;
  }
}
