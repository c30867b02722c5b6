package dev.agentcredits.domain.pool;

/**
 * A usage charge split by what paid it. {@code uncovered} credits became arrears; {@code
 * remainingHold} is what the run still holds.
 */
public record ChargeOutcome(
    PoolTransition transition,
    Hold remainingHold,
    long fromHold,
    long fromWaterfall,
    long uncovered) {

  public long total() {
    return fromHold + fromWaterfall + uncovered;
  }

  public boolean fullyCovered() {
    return uncovered == 0;
  }
}
