package dev.agentcredits.domain.pool;

/**
 * A pool's figures as API.md shows them. {@code settled} is plan + add-on − arrears; {@code
 * available} also subtracts open holds and may be negative while arrears are owed.
 */
public record PoolBalances(long plan, long addOn, long arrears, long held) {
  public long settled() {
    return plan + addOn - arrears;
  }

  public long available() {
    return settled() - held;
  }
}
