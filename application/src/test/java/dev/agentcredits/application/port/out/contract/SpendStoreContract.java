package dev.agentcredits.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.threshold.Announced;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

public abstract class SpendStoreContract extends StoreContract {
  private static final YearMonth MARCH = YearMonth.of(2026, 3);

  @Test
  void aMonthWithoutPurchasesHasSpentNothing() {
    World world = world();

    assertThat(stores().spend().find(world.team().id(), MARCH))
        .isEqualTo(MonthlySpend.none(world.team().id(), MARCH));
  }

  @Test
  void lockAnswersTheMonthStartingAtZero() {
    World world = world();

    MonthlySpend locked = tx().inTransaction(() -> stores().spend().lock(world.team().id(), MARCH));

    assertThat(locked).isEqualTo(MonthlySpend.none(world.team().id(), MARCH));
  }

  @Test
  void anUpdatedMonthIsReadBackByFindAndLock() {
    World world = world();

    tx().inTransaction(() -> {
      MonthlySpend spend = stores().spend().lock(world.team().id(), MARCH);
      stores().spend().update(spend.plus(Money.dollars(20)));
      return null;
    });
    tx().inTransaction(() -> {
      MonthlySpend spend = stores().spend().lock(world.team().id(), MARCH);
      stores().spend().update(spend.plus(Money.dollars(10)));
      return null;
    });

    MonthlySpend expected = new MonthlySpend(world.team().id(), MARCH, Money.dollars(30));
    assertThat(stores().spend().find(world.team().id(), MARCH)).isEqualTo(expected);
    assertThat(tx().inTransaction(() -> stores().spend().lock(world.team().id(), MARCH)))
        .isEqualTo(expected);
  }

  @Test
  void anUpdateWithoutAnEarlierLockIsKeptToo() {
    World world = world();
    MonthlySpend spend = new MonthlySpend(world.team().id(), MARCH, Money.cents(999));

    stores().spend().update(spend);

    assertThat(stores().spend().find(world.team().id(), MARCH)).isEqualTo(spend);
  }

  @Test
  void monthsAndTeamsAreCountedApart() {
    World world = world();
    World other = world();

    stores().spend().update(new MonthlySpend(world.team().id(), MARCH, Money.dollars(50)));

    assertThat(stores().spend().find(world.team().id(), MARCH.plusMonths(1)).spent())
        .isEqualTo(Money.ZERO);
    assertThat(stores().spend().find(other.team().id(), MARCH).spent()).isEqualTo(Money.ZERO);
  }

  @Test
  void theAnnouncedThresholdsAreKeptWithTheMonth() {
    World world = world();
    Instant at = TestData.at(java.time.Duration.ofHours(1));
    MonthlySpend spend =
        new MonthlySpend(
            world.team().id(),
            MARCH,
            Money.dollars(170),
            new Announced(new java.util.TreeSet<>(java.util.List.of(80, 50)), at));

    tx().inTransaction(() -> {
      stores().spend().lock(world.team().id(), MARCH);
      stores().spend().update(spend);
      return null;
    });

    assertThat(stores().spend().find(world.team().id(), MARCH)).isEqualTo(spend);
    assertThat(tx().inTransaction(() -> stores().spend().lock(world.team().id(), MARCH)))
        .isEqualTo(spend);
    assertThat(stores().spend().find(world.team().id(), MARCH).plus(Money.dollars(10)).announced())
        .isEqualTo(spend.announced());
  }
}
