package dev.agentcredits.domain.spend;

import dev.agentcredits.domain.shared.Money;

/** DOMAIN.md rule 7: limits on the monthly cap a team may set. */
public final class SpendCapPolicy {
  /** A ceiling that keeps a typo from authorising unbounded spend: $1,000,000 a month. */
  public static final Money MAXIMUM_MONTHLY_CAP = Money.dollars(1_000_000);

  private SpendCapPolicy() {}

  public static boolean isAllowed(Money monthlyLimit) {
    return !monthlyLimit.isGreaterThan(MAXIMUM_MONTHLY_CAP);
  }
}
