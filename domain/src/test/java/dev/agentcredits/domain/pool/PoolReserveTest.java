package dev.agentcredits.domain.pool;

import static dev.agentcredits.domain.pool.PoolBuilder.T0;
import static dev.agentcredits.domain.pool.PoolBuilder.aMemberPool;
import static dev.agentcredits.domain.pool.PoolBuilder.aTeamPool;
import static dev.agentcredits.domain.pool.PoolBuilder.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.RunId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DOMAIN.md rules 1, 2 and 15: a hold is placed only on credits the pool can fund. */
class PoolReserveTest {

  @Test
  void aReservationMovesFreeCreditsToHeldWithoutSpendingThem() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).build();

    Hold hold = pool.reserve("run-1", 20, days(1));

    assertThat(hold.total()).isEqualTo(20);
    PoolBalances balances = pool.pool().balances();
    assertThat(balances.plan()).isEqualTo(1_500);
    assertThat(balances.held()).isEqualTo(20);
    assertThat(balances.settled()).isEqualTo(1_500);
    assertThat(balances.available()).isEqualTo(1_480);
    assertThat(pool.postingsOf(PostingKind.RESERVED))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.run()).isEqualTo(new RunId("run-1"));
          assertThat(p.credits()).isEqualTo(20);
          assertThat(p.sourceKind()).isEqualTo(SourceKind.PLAN);
        });
    pool.assertReconciles();
  }

  @Test
  void exactlyTheAvailableBalanceCanBeHeldAndNotOneCreditMore() {
    TrackedPool pool = aMemberPool().withPlanCredits(30).withLot("lot-a", 10, days(90)).build();

    assertThat(pool.pool().reserve(new RunId("run-x"), 41, days(1)))
        .isInstanceOf(ReserveOutcome.Short.class);
    pool.reserve("run-1", 40, days(1));

    assertThat(pool.pool().available()).isZero();
    assertThat(pool.pool().reserve(new RunId("run-2"), 1, days(1)))
        .isInstanceOf(ReserveOutcome.Short.class);
  }

  @Test
  void openHoldsCountAgainstTheNextReservation() {
    TrackedPool pool = aMemberPool().withPlanCredits(50).build();
    pool.reserve("run-1", 20, days(1));
    pool.reserve("run-2", 20, days(1));

    ReserveOutcome third = pool.pool().reserve(new RunId("run-3"), 20, days(1));

    assertThat(third).isInstanceOf(ReserveOutcome.Short.class);
    assertThat(pool.pool().balances().held()).isEqualTo(40);
  }

  @Test
  void aShortPoolSaysWhatWasRequiredItsBalancesAndTheLiveSourcesTried() {
    TrackedPool pool =
        aTeamPool().withGrant("grant-old", 5, days(3)).withGrant("grant-new", 10, days(90)).build();
    pool.advanceTo(days(4));

    ReserveOutcome outcome = pool.pool().reserve(new RunId("run-1"), 20, days(4));

    assertThat(outcome).isInstanceOf(ReserveOutcome.Short.class);
    ReserveOutcome.Short shortfall = (ReserveOutcome.Short) outcome;
    assertThat(shortfall.required()).isEqualTo(20);
    assertThat(shortfall.balances()).isEqualTo(pool.pool().balances());
    assertThat(shortfall.sourcesTried())
        .extracting(s -> s.id().value() + ":" + s.free())
        .containsExactly("grant-new:10");
  }

  @Test
  void aShortPoolChangesNothing() {
    TrackedPool pool = aMemberPool().withPlanCredits(10).build();
    Pool before = pool.pool();

    ReserveOutcome outcome = before.reserve(new RunId("run-1"), 20, days(1));

    assertThat(outcome).isInstanceOf(ReserveOutcome.Short.class);
    assertThat(pool.pool()).isEqualTo(before);
  }

  @Test
  void creditsOfASourcePastItsExpiryAreNotReservedEvenBeforeTheExpiryIsPosted() {
    TrackedPool pool = aTeamPool().withGrant("grant-a", 500, days(10)).build();

    ReserveOutcome outcome = pool.pool().reserve(new RunId("run-1"), 20, days(10));

    assertThat(outcome).isInstanceOf(ReserveOutcome.Short.class);
    assertThat(((ReserveOutcome.Short) outcome).sourcesTried()).isEmpty();
  }

  @Test
  void aPoolInArrearsReservesNothingWhateverItHolds() {
    CreditSource lot = PoolBuilder.source("lot-a", SourceKind.ADD_ON, 400, T0, days(90));
    Pool inArrears =
        new Pool(
            dev.agentcredits.domain.principal.PoolIds.forTeam(PoolBuilder.TEAM),
            dev.agentcredits.domain.principal.PoolKind.TEAM,
            PoolBuilder.TEAM,
            null,
            null,
            null,
            5,
            java.util.List.of(lot),
            AutoReloadSettings.off(dev.agentcredits.domain.shared.Credits.of(100)),
            null);

    assertThat(inArrears.reserve(new RunId("run-1"), 20, days(1)))
        .isInstanceOf(ReserveOutcome.Short.class);
  }

  @Test
  void aPoolWithArrearsFromAnEarlierRunRefusesTheNextHold() {
    TrackedPool pool = aMemberPool().withPlanCredits(10).build();
    pool.charge("run-1", Hold.NONE, "u-1", 30, days(1));

    assertThat(pool.pool().arrears()).isEqualTo(20);
    assertThat(pool.pool().available()).isEqualTo(-20);
    assertThat(pool.pool().reserve(new RunId("run-2"), 20, days(1)))
        .isInstanceOf(ReserveOutcome.Short.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, -20})
  void aReservationOfLessThanOneCreditIsABug(long credits) {
    Pool pool = aMemberPool().build().pool();

    assertThatThrownBy(() -> pool.reserve(new RunId("run-1"), credits, days(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
