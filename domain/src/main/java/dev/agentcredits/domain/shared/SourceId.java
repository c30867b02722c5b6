package dev.agentcredits.domain.shared;

public record SourceId(String value) {
  public SourceId {
    Ids.requireValid(value, "SourceId");
  }

  @Override
  public String toString() {
    return value;
  }
}
