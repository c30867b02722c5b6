package dev.agentcredits.domain.refusal;

public enum RemedyAction {
  PURCHASE_ADD_ON,
  WAIT_FOR_REFRESH,
  ENABLE_AUTO_RELOAD,
  RAISE_SPEND_CAP,
  /** The 1st of the month (UTC), when the month's add-on spend starts again from zero. */
  WAIT_FOR_MONTH_START,
  /** Put a card that works on file for the team (a declined reload turned auto-reload off). */
  UPDATE_PAYMENT_METHOD,
  CONTACT_ACCOUNT_MANAGER,
  RETRY
}
