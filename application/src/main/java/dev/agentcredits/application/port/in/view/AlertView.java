package dev.agentcredits.application.port.in.view;

import java.time.Instant;

/**
 * One alert in force. {@code type} is the event that announces it ({@code
 * spend_cap.threshold_reached}, {@code auto_reload.failed}, {@code credits.low}, {@code
 * credits.depleted}); {@code blocking} when nothing more can be bought or drawn until someone acts;
 * {@code action} what fixes it ({@code raise_spend_cap}, {@code update_card}, {@code buy_add_on},
 * {@code contact_account_manager}). The team's alerts have no {@code pool}; only the cap's have
 * {@code spendCap}, only a pool's balance {@code balance}.
 */
public record AlertView(
    String type,
    boolean blocking,
    Instant raisedAt,
    String detail,
    String action,
    Pool pool,
    SpendCap spendCap,
    Balance balance) {

  /** The pool an alert is about; {@code memberId} and {@code email} absent for a team pool. */
  public record Pool(String poolId, String kind, String memberId, String email) {}

  public record SpendCap(
      int thresholdPercent, long monthlyLimitCents, long monthToDateSpendCents) {}

  public record Balance(long availableCredits, long thresholdCredits, boolean autoReloadOn) {}
}
