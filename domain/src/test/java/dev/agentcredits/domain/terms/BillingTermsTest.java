package dev.agentcredits.domain.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.team.Plan;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The defaults are DOMAIN.md's numbers; configured terms reject nonsense. */
class BillingTermsTest {
  private static final BillingTerms DEFAULTS = BillingTerms.defaults();

  @Test
  void theDefaultsAreTheRuleBooksNumbers() {
    assertThat(DEFAULTS.startHold()).isEqualTo(Credits.of(20));
    assertThat(DEFAULTS.cycleLength()).isEqualTo(Duration.ofDays(30));
    assertThat(DEFAULTS.lotLifetime()).isEqualTo(Period.ofMonths(12));
    assertThat(DEFAULTS.holdTimeToLive()).isEqualTo(Duration.ofHours(24));
    assertThat(DEFAULTS.defaultMonthlySpendCap()).isEqualTo(Money.dollars(200));
    assertThat(DEFAULTS.defaultReloadThreshold()).isEqualTo(Credits.of(100));
  }

  @ParameterizedTest(name = "{0}: {1} credits per member per cycle")
  @CsvSource({
    "BUILD, 1500",
    "BUSINESS, 1500",
    "MAX, 10000",
    "ENTERPRISE, 0",
    "PRO, 0",
    "TURBO, 0",
    "LIGHTSPEED, 0"
  })
  void planIncludedCredits(Plan plan, long credits) {
    assertThat(DEFAULTS.includedCredits(plan)).isEqualTo(Credits.of(credits));
  }

  @ParameterizedTest(name = "{0} credits cost {1} cents")
  @CsvSource({"400, 1000", "1000, 2000", "3000, 5000", "6500, 10000"})
  void theDefaultPriceList(long credits, long cents) {
    assertThat(PriceList.defaults().forDenomination(Credits.of(credits)))
        .contains(new AddOnPrice(Credits.of(credits), Money.cents(cents)));
  }

  @Test
  void onlyListedDenominationsAreOnSale() {
    assertThat(PriceList.defaults().forDenomination(Credits.of(500))).isEmpty();
    assertThat(PriceList.defaults().denominations()).containsExactly(400L, 1_000L, 3_000L, 6_500L);
  }

  @Test
  void aLotExpiresTwelveCalendarMonthsAfterPurchase() {
    assertThat(DEFAULTS.lotExpiry(Instant.parse("2025-01-31T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-31T10:00:00Z"));
    assertThat(DEFAULTS.lotExpiry(Instant.parse("2024-02-29T00:00:00Z")))
        .isEqualTo(Instant.parse("2025-02-28T00:00:00Z"));
  }

  @Test
  void aPriceListIsSortedNonEmptyAndWithoutDuplicates() {
    AddOnPrice big = new AddOnPrice(Credits.of(1_000), Money.dollars(20));
    AddOnPrice small = new AddOnPrice(Credits.of(400), Money.dollars(10));

    assertThat(new PriceList(List.of(big, small)).prices()).containsExactly(small, big);
    assertThatThrownBy(() -> new PriceList(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PriceList(List.of(small, small)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AddOnPrice(Credits.ZERO, Money.dollars(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AddOnPrice(Credits.of(1), null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void termsRejectNonPositiveDurationsAndHolds() {
    Map<Plan, Credits> included = Map.of(Plan.BUILD, Credits.of(1_500));
    PriceList prices = PriceList.defaults();
    Money cap = Money.dollars(200);
    Credits threshold = Credits.of(100);
    Duration day = Duration.ofDays(1);
    Period year = Period.ofYears(1);

    assertThatThrownBy(
            () -> new BillingTerms(Credits.ZERO, day, included, year, day, cap, threshold, prices))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new BillingTerms(
                Credits.of(20), Duration.ZERO, included, year, day, cap, threshold, prices))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new BillingTerms(
                Credits.of(20), day, included, Period.ZERO, day, cap, threshold, prices))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new BillingTerms(
                Credits.of(20), day, included, year, day.negated(), cap, threshold, prices))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new BillingTerms(Credits.of(20), day, included, year, day, null, threshold, prices))
        .isInstanceOf(NullPointerException.class);
  }
}
