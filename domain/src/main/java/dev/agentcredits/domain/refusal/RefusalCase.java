package dev.agentcredits.domain.refusal;

/** The cases the public page's "How to resolve" tells apart, as {@link Resolution} decides them. */
public enum RefusalCase {
  /** Auto-reload is off and the cap leaves room: buy, enable auto-reload, or wait. */
  AUTO_RELOAD_OFF,
  /** The month's add-on spend cannot grow: an admin or the owner raises the cap, or wait. */
  CAP_REACHED,
  /** A reload's card was declined and auto-reload turned off: fix the card, turn it on again. */
  PAYMENT_DECLINED,
  /** A reload for the pool is still being paid: retry shortly. */
  RELOAD_IN_FLIGHT,
  /** An Enterprise team pool: only the contract can add credits. */
  CONTRACT_EXHAUSTED
}
