package dev.agentcredits.domain.spend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.terms.AddOnPrice;
import dev.agentcredits.domain.terms.PriceList;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** DOMAIN.md rules 6 and 17: when auto-reload buys, and what it never does. */
class AutoReloadPolicyTest {
  private static final TeamId TEAM = new TeamId("team-1");
  private static final Instant T0 = Instant.parse("2025-01-10T00:00:00Z");
  private static final PriceList PRICES = PriceList.defaults();
  private static final Money CAP = Money.dollars(200);

  private static Pool pool(AutoReloadSettings settings, long credits) {
    Pool pool = Pool.openForMember(TEAM, new MemberId("alice"), T0, settings);
    if (credits == 0) {
      return pool;
    }
    CreditSource lot =
        new CreditSource(
            new SourceId("lot"), SourceKind.ADD_ON, credits, 0, T0, T0.plusSeconds(86_400));
    return pool.credit(lot, "lot", T0).pool();
  }

  private static AutoReloadSettings on(long denomination) {
    return new AutoReloadSettings(true, Credits.of(denomination), Credits.of(100), null);
  }

  private static MonthlySpend spent(long cents) {
    return new MonthlySpend(TEAM, YearMonth.of(2025, 1), Money.cents(cents));
  }

  @ParameterizedTest(name = "{0} credits for {1} cents")
  @CsvSource({"400, 1000", "1000, 2000", "3000, 5000", "6500, 10000"})
  void buysExactlyTheConfiguredDenominationAtItsPrice(long credits, long cents) {
    ReloadDecision decision =
        AutoReloadPolicy.decide(pool(on(credits), 0), Plan.BUILD, CAP, spent(0), PRICES);

    assertThat(decision)
        .isEqualTo(new ReloadDecision.Buy(new AddOnPrice(Credits.of(credits), Money.cents(cents))));
  }

  @Test
  void doesNothingWhenSwitchedOff() {
    ReloadDecision decision =
        AutoReloadPolicy.decide(
            pool(AutoReloadSettings.off(Credits.of(100)), 0), Plan.BUILD, CAP, spent(0), PRICES);

    assertThat(decision).isEqualTo(new ReloadDecision.Refuse(ReloadFailure.AUTO_RELOAD_DISABLED));
  }

  @Test
  void staysOffAfterADeclinedPaymentTurnedItOff() {
    AutoReloadSettings declined = on(400).turnedOffAfter(ReloadFailure.PAYMENT_DECLINED);

    ReloadDecision decision =
        AutoReloadPolicy.decide(pool(declined, 0), Plan.BUILD, CAP, spent(0), PRICES);

    assertThat(decision).isInstanceOf(ReloadDecision.Refuse.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = Plan.class,
      names = {"ENTERPRISE", "PRO", "TURBO", "LIGHTSPEED"})
  void plansWithoutAddOnsNeverReload(Plan plan) {
    ReloadDecision decision =
        AutoReloadPolicy.decide(pool(on(400), 0), plan, CAP, spent(0), PRICES);

    assertThat(decision).isEqualTo(new ReloadDecision.Refuse(ReloadFailure.AUTO_RELOAD_DISABLED));
  }

  @Test
  void neverTwoReloadsInFlightForOnePool() {
    Pool inFlight = pool(on(400), 0).withReloadInFlight(new PurchaseId("pur-1"));

    ReloadDecision decision = AutoReloadPolicy.decide(inFlight, Plan.BUILD, CAP, spent(0), PRICES);

    assertThat(decision).isInstanceOf(ReloadDecision.AlreadyInFlight.class);
  }

  /** $200 cap, 1,000 credits = $20: $180 spent leaves room for exactly one more. */
  @ParameterizedTest(name = "spent {0} cents -> {1}")
  @CsvSource({
    "0,     BUY",
    "18000, BUY",
    "18001, SPEND_CAP_REACHED",
    "20000, SPEND_CAP_REACHED",
    "25000, SPEND_CAP_REACHED",
  })
  void neverTakesTheMonthOverTheCap(long spentCents, String expected) {
    ReloadDecision decision =
        AutoReloadPolicy.decide(pool(on(1_000), 0), Plan.MAX, CAP, spent(spentCents), PRICES);

    if (expected.equals("BUY")) {
      assertThat(decision).isInstanceOf(ReloadDecision.Buy.class);
    } else {
      assertThat(decision).isEqualTo(new ReloadDecision.Refuse(ReloadFailure.SPEND_CAP_REACHED));
    }
  }

  @Test
  void neverBuysAPartialOrSmallerDenominationToSqueezeUnderTheCap() {
    // $195 spent: 400 credits ($10) would fit, but the pool is set to 6,500 ($100).
    ReloadDecision decision =
        AutoReloadPolicy.decide(pool(on(6_500), 0), Plan.BUSINESS, CAP, spent(19_500), PRICES);

    assertThat(decision).isEqualTo(new ReloadDecision.Refuse(ReloadFailure.SPEND_CAP_REACHED));
  }

  @Test
  void aDenominationNoLongerOnSaleIsNotBought() {
    ReloadDecision decision =
        AutoReloadPolicy.decide(pool(on(500), 0), Plan.BUILD, CAP, spent(0), PRICES);

    assertThat(decision).isEqualTo(new ReloadDecision.Refuse(ReloadFailure.AUTO_RELOAD_DISABLED));
  }

  @ParameterizedTest(name = "available {0}, threshold 100 -> {1}")
  @CsvSource({"0, true", "99, true", "100, true", "101, false", "5000, false"})
  void firesAtOrBelowTheThreshold(long available, boolean fires) {
    Pool pool = pool(on(400), available);

    assertThat(AutoReloadPolicy.isAtOrBelowThreshold(pool)).isEqualTo(fires);
    assertThat(AutoReloadPolicy.wantsReload(pool)).isEqualTo(fires);
  }

  @Test
  void aPoolWithReloadOffNeverWantsOne() {
    Pool pool = pool(AutoReloadSettings.off(Credits.of(100)), 0);

    assertThat(AutoReloadPolicy.isAtOrBelowThreshold(pool)).isTrue();
    assertThat(AutoReloadPolicy.wantsReload(pool)).isFalse();
  }

  @Test
  void arrearsCountAgainstTheThreshold() {
    Pool pool =
        pool(on(400), 150)
            .charge(
                new dev.agentcredits.domain.shared.RunId("r"),
                dev.agentcredits.domain.pool.Hold.NONE,
                "u",
                200,
                T0)
            .transition()
            .pool();

    assertThat(pool.available()).isEqualTo(-50);
    assertThat(AutoReloadPolicy.wantsReload(pool)).isTrue();
  }
}
