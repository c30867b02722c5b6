package dev.agentcredits.domain.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md rule 7: a team's add-on spend per calendar month (UTC), never over the cap. */
class MonthlySpendTest {
  private static final TeamId TEAM = new TeamId("team-1");
  private static final YearMonth JANUARY = YearMonth.of(2025, 1);

  @ParameterizedTest(name = "spent {0} + price {1} within cap {2}: {3}")
  @CsvSource({
    "0,     1000,  20000, true",
    "19000, 1000,  20000, true",
    "19001, 1000,  20000, false",
    "20000, 1,     20000, false",
    "0,     20000, 20000, true",
    "0,     20001, 20000, false",
    "5000,  1000,  2000,  false",
    "0,     0,     0,     true",
  })
  void aPurchaseIsAllowedOnlyIfTheMonthStaysWithinTheCap(
      long spent, long price, long cap, boolean allowed) {
    MonthlySpend spend = new MonthlySpend(TEAM, JANUARY, Money.cents(spent));

    assertThat(spend.allows(Money.cents(price), Money.cents(cap))).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({
    "2025-01-01T00:00:00Z, 2025-01",
    "2025-01-31T23:59:59.999Z, 2025-01",
    "2025-02-01T00:00:00Z, 2025-02",
    "2024-12-31T23:59:59Z, 2024-12",
  })
  void theMonthIsTheCalendarMonthInUtc(Instant at, YearMonth month) {
    assertThat(MonthlySpend.monthOf(at)).isEqualTo(month);
  }

  @Test
  void aNewMonthStartsAtZero() {
    MonthlySpend february = MonthlySpend.none(TEAM, YearMonth.of(2025, 2));

    assertThat(february.spent()).isEqualTo(Money.ZERO);
    assertThat(february.allows(Money.dollars(200), Money.dollars(200))).isTrue();
  }

  @Test
  void purchasesAddUpAndADeclinedOneIsRefundedButNeverBelowZero() {
    MonthlySpend spend = MonthlySpend.none(TEAM, JANUARY).plus(Money.dollars(10));
    spend = spend.plus(Money.dollars(50));

    assertThat(spend.spent()).isEqualTo(Money.dollars(60));
    assertThat(spend.refund(Money.dollars(50)).spent()).isEqualTo(Money.dollars(10));
    assertThat(spend.refund(Money.dollars(100)).spent()).isEqualTo(Money.ZERO);
    assertThat(spend.plus(Money.dollars(1)).month()).isEqualTo(JANUARY);
  }

  @Test
  void aSpendBelongsToATeamAndAMonth() {
    assertThatThrownBy(() -> new MonthlySpend(null, JANUARY, Money.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new MonthlySpend(TEAM, null, Money.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new MonthlySpend(TEAM, JANUARY, null))
        .isInstanceOf(NullPointerException.class);
  }
}
