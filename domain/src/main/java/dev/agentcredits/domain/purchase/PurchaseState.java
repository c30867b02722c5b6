package dev.agentcredits.domain.purchase;

/** PENDING from the moment the spend is reserved until the payment's answer is applied. */
public enum PurchaseState {
  PENDING,
  SUCCEEDED,
  DECLINED
}
