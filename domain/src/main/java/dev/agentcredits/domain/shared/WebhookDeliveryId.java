package dev.agentcredits.domain.shared;

public record WebhookDeliveryId(String value) {
  public WebhookDeliveryId {
    Ids.requireValid(value, "WebhookDeliveryId");
  }

  @Override
  public String toString() {
    return value;
  }
}
