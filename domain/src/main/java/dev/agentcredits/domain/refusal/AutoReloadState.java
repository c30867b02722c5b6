package dev.agentcredits.domain.refusal;

/** What auto-reload could do for a pool that ran short. */
public enum AutoReloadState {
  /** Switched off for the pool. */
  OFF,
  /** On, but another purchase would take the month over the team's spend cap. */
  CAP_REACHED,
  /** Turned off because a reload's payment was declined. */
  PAYMENT_DECLINED,
  /** On, but a reload for the pool was still under way when the run had to be answered. */
  IN_FLIGHT,
  /** Contract plans have no auto-reload. */
  NOT_OFFERED
}
