package dev.agentcredits.domain.shared;

public record PurchaseId(String value) {
  public PurchaseId {
    Ids.requireValid(value, "PurchaseId");
  }

  @Override
  public String toString() {
    return value;
  }
}
