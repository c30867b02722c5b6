package dev.agentcredits.domain.shared;

public record WebhookEndpointId(String value) {
  public WebhookEndpointId {
    Ids.requireValid(value, "WebhookEndpointId");
  }

  @Override
  public String toString() {
    return value;
  }
}
