package dev.agentcredits.domain.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.MemberId;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md rule 24: a member's month-to-date figure (charged plus held) against their limit. */
class MemberBudgetTest {
  private static final YearMonth MARCH = YearMonth.of(2026, 3);
  private static final MemberId BOB = new MemberId("bob");

  @ParameterizedTest(name = "limit {0}, charged {1}, held {2}, hold {3} more: allowed {4}")
  @CsvSource({
    // limit, charged, held, more, allowed, exceeded now
    "2000,    0,       0,    20,   true,    false",
    "2000,    1980,    0,    20,   true,    false",
    "2000,    1960,    20,   20,   true,    false",
    "2000,    1961,    20,   20,   false,   false",
    "2000,    1990,    0,    20,   false,   false",
    "2000,    2000,    0,    20,   false,   false",
    "2000,    1990,    20,   0,    false,   true",
    "20,      0,       0,    20,   true,    false",
    "0,       0,       0,    20,   false,   false",
    "0,       0,       0,    0,    true,    false",
    "100,     0,       120,  0,    false,   true",
  })
  void aHoldIsAllowedOnlyWhileChargedPlusHeldPlusTheHoldStaysWithinTheLimit(
      long limit, long charged, long held, long more, boolean allowed, boolean exceeded) {
    var budget = new MemberBudget(BOB, limit, new MemberSpend(MARCH, charged, held));

    assertThat(budget.allows(more)).isEqualTo(allowed);
    assertThat(budget.exceeded()).isEqualTo(exceeded);
    assertThat(budget.monthToDate()).isEqualTo(charged + held);
  }

  @ParameterizedTest(name = "charged {0}, hold {1} → {2}: month-to-date {3}, over 100: {4}")
  @CsvSource({
    // a charge and how the run's hold changed → what counts, over a 100 limit
    // credits, held change, (charged/held after),  month to date, exceeded
    "5,       -5,          '5/15',                  20,            false",
    "20,      -20,         '20/0',                  20,            false",
    "90,      -20,         '90/0',                  90,            false",
    "101,     -20,         '101/0',                 101,           true",
    "0,       20,          '0/40',                  40,            false",
    "0,       -20,         '0/0',                   0,             false",
  })
  void aChargeCountsAndWhatTheRunStillHoldsCountsToo(
      long credits, long heldChange, String after, long monthToDate, boolean exceeded) {
    var before = new MemberBudget(BOB, 100, new MemberSpend(MARCH, 0, 20));

    MemberBudget moved = before.moved(credits, heldChange);

    assertThat(moved.spend().charged() + "/" + moved.spend().held()).isEqualTo(after);
    assertThat(moved.monthToDate()).isEqualTo(monthToDate);
    assertThat(moved.exceeded()).isEqualTo(exceeded);
  }

  @ParameterizedTest(name = "{0} seen in {1}: charged {2}, held {3}")
  @CsvSource({
    "2026-03, 2026-03, 700, 40",
    "2026-03, 2026-04, 0,   40",
    "2025-12, 2026-01, 0,   40",
  })
  void aNewMonthStartsWithNothingChargedWhileOpenRunsKeepTheirHolds(
      YearMonth kept, YearMonth now, long charged, long held) {
    MemberSpend spend = new MemberSpend(kept, 700, 40).in(now);

    assertThat(spend.month()).isEqualTo(now);
    assertThat(spend.charged()).isEqualTo(charged);
    assertThat(spend.held()).isEqualTo(held);
  }

  @ParameterizedTest(name = "{0} credits a month allowed: {1}")
  @CsvSource({"-1, false", "0, true", "2000, true", "100000000, true", "100000001, false"})
  void aLimitIsFromZeroToOneHundredMillionCredits(long credits, boolean allowed) {
    assertThat(MemberBudget.isAllowed(credits)).isEqualTo(allowed);
    if (!allowed) {
      assertThatThrownBy(() -> new MemberBudget(BOB, credits, MemberSpend.none(MARCH)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
