package dev.agentcredits.domain.limit;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What counts against a member's monthly limit (DOMAIN.md rule 24): the credits their USER runs
 * were charged in {@code month} (UTC) and what their open runs hold now. Team API key and scheduled
 * runs count against no member.
 */
public record MemberSpend(YearMonth month, long charged, long held) {
  public MemberSpend {
    Objects.requireNonNull(month, "month");
    if (charged < 0 || held < 0) {
      throw new IllegalArgumentException("charged and held credits must not be negative");
    }
  }

  public static MemberSpend none(YearMonth month) {
    return new MemberSpend(month, 0, 0);
  }

  /** Charged this month plus held now: the figure a limit is held against. */
  public long monthToDate() {
    return Math.addExact(charged, held);
  }

  /** The figure as it stands in {@code now}: a new month starts with nothing charged. */
  public MemberSpend in(YearMonth now) {
    return now.equals(month) ? this : new MemberSpend(now, 0, held);
  }

  /**
   * After a run of the member was charged {@code credits} and its hold changed by {@code
   * heldChange}. Never below zero: a hold given back that the figure never counted (a run that
   * billed another pool when the team changed plans) takes nothing from it.
   */
  public MemberSpend moved(long credits, long heldChange) {
    return new MemberSpend(
        month,
        Math.max(0, Math.addExact(charged, credits)),
        Math.max(0, Math.addExact(held, heldChange)));
  }
}
