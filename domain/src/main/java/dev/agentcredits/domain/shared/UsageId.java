package dev.agentcredits.domain.shared;

public record UsageId(String value) {
  public UsageId {
    Ids.requireValid(value, "UsageId");
  }

  @Override
  public String toString() {
    return value;
  }
}
