package dev.agentcredits.domain.shared;

public record MemberId(String value) {
  public MemberId {
    Ids.requireValid(value, "MemberId");
  }

  @Override
  public String toString() {
    return value;
  }
}
