package dev.agentcredits.application.port.in;

/**
 * The work time triggers: plan refreshes and expiries, holds past their time to live, purchases
 * interrupted between payment and credit, and idempotency keys past their keeping time.
 */
public interface TimeKeepingUseCase {
  Report runDueWork();

  record Report(
      int poolsAdvanced,
      int holdsExpired,
      int purchasesRecovered,
      int keysPurged,
      int eventsPurged) {}
}
