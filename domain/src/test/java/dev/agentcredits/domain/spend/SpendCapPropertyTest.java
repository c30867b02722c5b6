package dev.agentcredits.domain.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.terms.AddOnPrice;
import dev.agentcredits.domain.terms.PriceList;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cap is never exceeded: any sequence of manual purchases, reloads, declines and cap changes
 * that goes only through {@link MonthlySpend#allows} and {@link AutoReloadPolicy#decide} keeps the
 * month's spend within the cap in force when each purchase was made.
 */
class SpendCapPropertyTest {
  private static final TeamId TEAM = new TeamId("team-1");
  private static final PriceList PRICES = PriceList.defaults();
  private static final List<AddOnPrice> DENOMINATIONS = PRICES.prices();

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomPurchasesNeverTakeTheMonthOverTheCap(long seed) {
    Random random = new Random(seed);
    Money cap = Money.cents(random.nextInt(60_000));
    MonthlySpend spend = MonthlySpend.none(TEAM, YearMonth.of(2025, 1));
    Pool pool =
        Pool.openForMember(
            TEAM,
            new MemberId("alice"),
            Instant.parse("2025-01-01T00:00:00Z"),
            AutoReloadSettings.off(Credits.of(100)));

    for (int step = 0; step < 200; step++) {
      AddOnPrice price = DENOMINATIONS.get(random.nextInt(DENOMINATIONS.size()));
      int dice = random.nextInt(10);
      Money before = spend.spent();
      if (dice < 4) {
        if (spend.allows(price.price(), cap)) {
          spend = spend.plus(price.price());
        }
      } else if (dice < 8) {
        pool =
            pool.withAutoReload(
                new AutoReloadSettings(true, price.credits(), Credits.of(100), null));
        if (AutoReloadPolicy.decide(pool, Plan.BUILD, cap, spend, PRICES)
            instanceof ReloadDecision.Buy buy) {
          assertThat(buy.price()).as("never a partial denomination").isEqualTo(price);
          spend = spend.plus(buy.price().price());
        }
      } else if (dice < 9) {
        spend = spend.refund(price.price());
      } else {
        // raising or lowering, even below the month's spend, is allowed (rule 7)
        cap = Money.cents(random.nextInt(60_000));
      }
      if (spend.spent().isGreaterThan(before)) {
        assertThat(spend.spent().compareTo(cap))
            .as("seed %d step %d: %s spent within cap %s", seed, step, spend.spent(), cap)
            .isLessThanOrEqualTo(0);
      }
      if (spend.spent().isGreaterThan(cap)) {
        assertThat(spend.allows(DENOMINATIONS.get(0).price(), cap))
            .as("seed %d step %d: nothing goes through above a lowered cap", seed, step)
            .isFalse();
      }
    }
  }

  @Test
  void anyPriceThatIsAllowedKeepsTheSpendWithinTheCap() {
    qt().withExamples(2_000)
        .forAll(
            integers().between(0, 1_000_000),
            lists().of(integers().between(0, 20_000)).ofSizeBetween(0, 40))
        .checkAssert((capCents, prices) -> {
          Money cap = Money.cents(capCents);
          MonthlySpend spend = MonthlySpend.none(TEAM, YearMonth.of(2025, 1));
          for (int cents : prices) {
            if (spend.allows(Money.cents(cents), cap)) {
              spend = spend.plus(Money.cents(cents));
            }
            assertThat(spend.spent().compareTo(cap)).isLessThanOrEqualTo(0);
          }
        });
  }
}
