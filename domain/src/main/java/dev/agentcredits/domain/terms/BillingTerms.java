package dev.agentcredits.domain.terms;

import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.team.Plan;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The configurable numbers of the rule book; {@link #defaults()} are those of DOMAIN.md. */
public record BillingTerms(
    Credits startHold,
    Duration cycleLength,
    Map<Plan, Credits> includedCreditsPerCycle,
    Period lotLifetime,
    Duration holdTimeToLive,
    Money defaultMonthlySpendCap,
    Credits defaultReloadThreshold,
    PriceList priceList,
    Duration lateUsageWindow) {

  /** The default late-usage window of DOMAIN.md rule 27: 24 hours. */
  public static final Duration DEFAULT_LATE_USAGE_WINDOW = Duration.ofHours(24);

  /** Terms with the default late-usage window. */
  public BillingTerms(
      Credits startHold,
      Duration cycleLength,
      Map<Plan, Credits> includedCreditsPerCycle,
      Period lotLifetime,
      Duration holdTimeToLive,
      Money defaultMonthlySpendCap,
      Credits defaultReloadThreshold,
      PriceList priceList) {
    this(
        startHold,
        cycleLength,
        includedCreditsPerCycle,
        lotLifetime,
        holdTimeToLive,
        defaultMonthlySpendCap,
        defaultReloadThreshold,
        priceList,
        DEFAULT_LATE_USAGE_WINDOW);
  }

  public BillingTerms {
    Objects.requireNonNull(startHold, "startHold");
    Objects.requireNonNull(priceList, "priceList");
    Objects.requireNonNull(defaultMonthlySpendCap, "defaultMonthlySpendCap");
    Objects.requireNonNull(defaultReloadThreshold, "defaultReloadThreshold");
    if (!startHold.isPositive()) {
      throw new IllegalArgumentException("the start hold must be positive");
    }
    if (cycleLength.isNegative() || cycleLength.isZero()) {
      throw new IllegalArgumentException("the cycle length must be positive");
    }
    if (lotLifetime.isNegative() || lotLifetime.isZero()) {
      throw new IllegalArgumentException("the lot lifetime must be positive");
    }
    if (holdTimeToLive.isNegative() || holdTimeToLive.isZero()) {
      throw new IllegalArgumentException("the hold time to live must be positive");
    }
    if (lateUsageWindow == null || lateUsageWindow.isNegative()) {
      throw new IllegalArgumentException("the late usage window must not be negative");
    }
    includedCreditsPerCycle = Map.copyOf(includedCreditsPerCycle);
  }

  public static BillingTerms defaults() {
    Map<Plan, Credits> included = new EnumMap<>(Plan.class);
    included.put(Plan.BUILD, Credits.of(1_500));
    included.put(Plan.BUSINESS, Credits.of(1_500));
    included.put(Plan.MAX, Credits.of(10_000));
    return new BillingTerms(
        Credits.of(20),
        Duration.ofDays(30),
        included,
        Period.ofMonths(12),
        Duration.ofHours(24),
        Money.dollars(200),
        Credits.of(100),
        PriceList.defaults(),
        DEFAULT_LATE_USAGE_WINDOW);
  }

  /** The same terms with another late-usage window (rule 27). */
  public BillingTerms withLateUsageWindow(Duration window) {
    return new BillingTerms(
        startHold,
        cycleLength,
        includedCreditsPerCycle,
        lotLifetime,
        holdTimeToLive,
        defaultMonthlySpendCap,
        defaultReloadThreshold,
        priceList,
        window);
  }

  /** Plan-included credits a member receives each cycle; none on contract or legacy plans. */
  public Credits includedCredits(Plan plan) {
    return plan.isSelfServe()
        ? includedCreditsPerCycle.getOrDefault(plan, Credits.ZERO)
        : Credits.ZERO;
  }

  /** When an add-on lot bought at {@code purchasedAt} expires. */
  public Instant lotExpiry(Instant purchasedAt) {
    return purchasedAt.atOffset(ZoneOffset.UTC).plus(lotLifetime).toInstant();
  }
}
