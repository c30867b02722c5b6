package dev.agentcredits.domain.spend;

import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.threshold.Announced;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A team's add-on spend in one calendar month (UTC), manual and automatic purchases together, and
 * the cap thresholds already announced that month (rule 25).
 */
public record MonthlySpend(TeamId team, YearMonth month, Money spent, Announced announced) {
  public MonthlySpend {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(spent, "spent");
    Objects.requireNonNull(announced, "announced");
  }

  /** A month with no cap threshold announced yet. */
  public MonthlySpend(TeamId team, YearMonth month, Money spent) {
    this(team, month, spent, Announced.NONE);
  }

  public static YearMonth monthOf(Instant instant) {
    return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
  }

  public static MonthlySpend none(TeamId team, YearMonth month) {
    return new MonthlySpend(team, month, Money.ZERO);
  }

  /** Whether buying at {@code price} keeps the month within {@code cap}. */
  public boolean allows(Money price, Money cap) {
    return !spent.plus(price).isGreaterThan(cap);
  }

  public MonthlySpend plus(Money price) {
    return new MonthlySpend(team, month, spent.plus(price), announced);
  }

  public MonthlySpend refund(Money price) {
    return new MonthlySpend(team, month, spent.minusFloored(price), announced);
  }

  public MonthlySpend withAnnounced(Announced now) {
    return new MonthlySpend(team, month, spent, now);
  }
}
