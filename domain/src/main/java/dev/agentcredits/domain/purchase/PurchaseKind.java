package dev.agentcredits.domain.purchase;

public enum PurchaseKind {
  MANUAL,
  AUTO_RELOAD
}
