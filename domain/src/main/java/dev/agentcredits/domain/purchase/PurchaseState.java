package dev.agentcredits.domain.purchase;

/**
 * PENDING from the moment the spend is reserved until the payment's answer is applied (also while
 * the provider says the payment is processing, or its outcome is unknown). A SUCCEEDED lot may
 * later be REFUNDED (rule 20) or DISPUTED by the card holder, which takes what is left of it out.
 */
public enum PurchaseState {
  PENDING,
  SUCCEEDED,
  DECLINED,
  REFUNDED,
  DISPUTED
}
