package dev.agentcredits.domain.limit;

import dev.agentcredits.domain.shared.MemberId;
import java.util.Objects;

/**
 * DOMAIN.md rule 24: a member's monthly credit limit and what counts against it. A new hold must
 * fit under the limit; usage is never refused, but a charge that leaves the member over the limit
 * stops the run it was charged to.
 *
 * @param monthlyCredits the limit that applies: the member's own, else the team's default
 */
public record MemberBudget(MemberId member, long monthlyCredits, MemberSpend spend) {
  /** A ceiling that keeps a typo from meaning "no limit at all": 100 million credits a month. */
  public static final long MAXIMUM_MONTHLY_CREDITS = 100_000_000;

  public MemberBudget {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(spend, "spend");
    if (!isAllowed(monthlyCredits)) {
      throw new IllegalArgumentException(
          "a monthly limit is from 0 to " + MAXIMUM_MONTHLY_CREDITS + " credits");
    }
  }

  /** Whether a member may be given this limit. */
  public static boolean isAllowed(long monthlyCredits) {
    return monthlyCredits >= 0 && monthlyCredits <= MAXIMUM_MONTHLY_CREDITS;
  }

  public long monthToDate() {
    return spend.monthToDate();
  }

  /** Whether holding {@code credits} more keeps the member within the limit. */
  public boolean allows(long credits) {
    return spend.monthToDate() + credits <= monthlyCredits;
  }

  /** Whether the member is over the limit as things stand. */
  public boolean exceeded() {
    return !allows(0);
  }

  /** The budget after one of the member's runs was charged and its hold changed. */
  public MemberBudget moved(long credits, long heldChange) {
    return new MemberBudget(member, monthlyCredits, spend.moved(credits, heldChange));
  }
}
