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
      int eventsPurged) {

    public static final Report NOTHING = new Report(0, 0, 0, 0, 0);

    public static Report ofPoolsAdvanced(int count) {
      return new Report(count, 0, 0, 0, 0);
    }

    public static Report ofHoldsExpired(int count) {
      return new Report(0, count, 0, 0, 0);
    }

    public static Report ofPurchasesRecovered(int count) {
      return new Report(0, 0, count, 0, 0);
    }

    public static Report ofKeysPurged(int count) {
      return new Report(0, 0, 0, count, 0);
    }

    public static Report ofEventsPurged(int count) {
      return new Report(0, 0, 0, 0, count);
    }

    public Report plus(Report other) {
      return new Report(
          poolsAdvanced + other.poolsAdvanced,
          holdsExpired + other.holdsExpired,
          purchasesRecovered + other.purchasesRecovered,
          keysPurged + other.keysPurged,
          eventsPurged + other.eventsPurged);
    }
  }
}
