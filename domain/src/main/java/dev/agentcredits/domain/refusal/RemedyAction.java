package dev.agentcredits.domain.refusal;

public enum RemedyAction {
  PURCHASE_ADD_ON,
  WAIT_FOR_REFRESH,
  ENABLE_AUTO_RELOAD,
  RAISE_SPEND_CAP,
  CONTACT_ACCOUNT_MANAGER,
  RETRY
}
