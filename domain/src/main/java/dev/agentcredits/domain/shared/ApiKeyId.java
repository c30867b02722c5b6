package dev.agentcredits.domain.shared;

public record ApiKeyId(String value) {
  public ApiKeyId {
    Ids.requireValid(value, "ApiKeyId");
  }

  @Override
  public String toString() {
    return value;
  }
}
