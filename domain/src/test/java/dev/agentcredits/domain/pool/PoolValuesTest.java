package dev.agentcredits.domain.pool;

import static dev.agentcredits.domain.pool.PoolBuilder.ALICE;
import static dev.agentcredits.domain.pool.PoolBuilder.T0;
import static dev.agentcredits.domain.pool.PoolBuilder.TEAM;
import static dev.agentcredits.domain.pool.PoolBuilder.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.principal.PoolKind;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.SourceId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pool's value objects reject states the rules forbid. */
class PoolValuesTest {
  private static final AutoReloadSettings OFF = AutoReloadSettings.off(Credits.of(100));

  @ParameterizedTest(name = "remaining {0}, reserved {1}")
  @CsvSource({"10, 11", "0, 1", "10, -1", "-1, -1"})
  void aSourceNeverHoldsMoreThanItHasNorANegativeAmount(long remaining, long reserved) {
    assertThatThrownBy(() ->
            new CreditSource(
                new SourceId("s"), SourceKind.ADD_ON, remaining, reserved, T0, days(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSourceNeedsItsIdKindAndDates() {
    SourceId id = new SourceId("s");
    assertThatThrownBy(() -> new CreditSource(null, SourceKind.PLAN, 1, 0, T0, days(1)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new CreditSource(id, null, 1, 0, T0, days(1)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new CreditSource(id, SourceKind.PLAN, 1, 0, null, days(1)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new CreditSource(id, SourceKind.PLAN, 1, 0, T0, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aSourceIsExpiredFromItsExpiryInstantOn() {
    CreditSource source = new CreditSource(new SourceId("s"), SourceKind.GRANT, 10, 4, T0, days(5));

    assertThat(source.free()).isEqualTo(6);
    assertThat(source.isExpiredAt(days(5).minusNanos(1))).isFalse();
    assertThat(source.isExpiredAt(days(5))).isTrue();
    assertThat(source.isLot()).isTrue();
    assertThat(source.withAmounts(10, 0).isLot()).isTrue();
    assertThat(new CreditSource(new SourceId("p"), SourceKind.PLAN, 1, 0, T0, days(1)).isLot())
        .isFalse();
  }

  @Test
  void planCreditsRankBeforeLotsAndGrants() {
    assertThat(SourceKind.PLAN.waterfallRank()).isLessThan(SourceKind.ADD_ON.waterfallRank());
    assertThat(SourceKind.PLAN.waterfallRank()).isLessThan(SourceKind.GRANT.waterfallRank());
    assertThat(SourceKind.ADD_ON.waterfallRank()).isEqualTo(SourceKind.GRANT.waterfallRank());
  }

  @Test
  void aPostingMovesAtLeastOneCreditAndNamesItsSourceUnlessItIsArrears() {
    var pool = PoolIds.forMember(ALICE);
    SourceId source = new SourceId("s");
    assertThatThrownBy(() ->
            new Posting(pool, PostingKind.CHARGED, 0, source, SourceKind.PLAN, null, null, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Posting(pool, PostingKind.CHARGED, 5, null, null, null, null, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new Posting(
                pool, PostingKind.ARREARS_INCURRED, 5, source, SourceKind.PLAN, null, null, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Posting(pool, PostingKind.ARREARS_INCURRED, 5, null, null, null, null, T0))
        .isNotNull();
  }

  @ParameterizedTest(name = "{0}: remaining {1}, reserved {2}, arrears {3}, charge {4}")
  @CsvSource({
    "CREDITED,           1,  0,  0, false",
    "RESERVED,           0,  1,  0, false",
    "RELEASED,           0, -1,  0, false",
    "CHARGED_FROM_HOLD, -1, -1,  0, true",
    "CHARGED,           -1,  0,  0, true",
    "EXPIRED,           -1,  0,  0, false",
    "ARREARS_INCURRED,   0,  0,  1, true",
    "ARREARS_SETTLED,   -1,  0, -1, false",
  })
  void eachPostingKindMovesAFixedCombination(
      PostingKind kind, int remaining, int reserved, int arrears, boolean charge) {
    assertThat(kind.remainingSign()).isEqualTo(remaining);
    assertThat(kind.reservedSign()).isEqualTo(reserved);
    assertThat(kind.arrearsSign()).isEqualTo(arrears);
    assertThat(kind.isCharge()).isEqualTo(charge);
  }

  @Test
  void aReservationHoldsAtLeastOneCredit() {
    assertThatThrownBy(() -> new Reservation(new SourceId("s"), SourceKind.PLAN, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reservation(null, SourceKind.PLAN, 1))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aHoldIsACopyOfItsReservations() {
    List<Reservation> list = new ArrayList<>();
    list.add(new Reservation(new SourceId("a"), SourceKind.PLAN, 5));
    Hold hold = new Hold(list);
    list.add(new Reservation(new SourceId("b"), SourceKind.ADD_ON, 7));

    assertThat(hold.total()).isEqualTo(5);
    assertThat(Hold.NONE.isEmpty()).isTrue();
    assertThat(Hold.NONE.total()).isZero();
  }

  @Test
  void autoReloadCannotBeEnabledWithoutADenomination() {
    assertThatThrownBy(() -> new AutoReloadSettings(true, null, Credits.of(100), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AutoReloadSettings(false, null, null, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aDeclinedPaymentTurnsAutoReloadOffAndSaysWhy() {
    AutoReloadSettings on = new AutoReloadSettings(true, Credits.of(400), Credits.of(50), null);

    AutoReloadSettings off = on.turnedOffAfter(ReloadFailure.PAYMENT_DECLINED);

    assertThat(off.enabled()).isFalse();
    assertThat(off.turnedOffBy()).isEqualTo(ReloadFailure.PAYMENT_DECLINED);
    assertThat(off.denomination()).isEqualTo(Credits.of(400));
    assertThat(off.threshold()).isEqualTo(Credits.of(50));
    assertThat(ReloadFailure.PAYMENT_DECLINED.code()).isEqualTo("payment_declined");
    assertThat(ReloadFailure.SPEND_CAP_REACHED.code()).isEqualTo("spend_cap_reached");
    assertThat(ReloadFailure.AUTO_RELOAD_DISABLED.code()).isEqualTo("auto_reload_disabled");
  }

  @Test
  void aMemberPoolHasAMemberAndAnAnchorAndATeamPoolNeither() {
    var id = PoolIds.forMember(ALICE);
    assertThatThrownBy(
            () -> new Pool(id, PoolKind.MEMBER, TEAM, ALICE, null, null, 0, List.of(), OFF, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Pool(id, PoolKind.MEMBER, TEAM, null, T0, null, 0, List.of(), OFF, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Pool(id, PoolKind.TEAM, TEAM, ALICE, T0, null, 0, List.of(), OFF, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Pool(id, PoolKind.TEAM, TEAM, null, null, null, -1, List.of(), OFF, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Pool(id, PoolKind.TEAM, TEAM, null, null, null, 0, List.of(), null, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void poolsAreNamedAfterTheirOwner() {
    Pool member = Pool.openForMember(TEAM, ALICE, T0, OFF);
    Pool team = Pool.openForTeam(TEAM, OFF);

    assertThat(member.id().value()).isEqualTo("m:alice");
    assertThat(member.memberId()).contains(ALICE);
    assertThat(team.id().value()).isEqualTo("t:team-1");
    assertThat(team.memberId()).isEmpty();
    assertThat(member.nextRefreshAt(TrackedPool.CYCLE)).contains(T0);
    assertThat(team.nextRefreshAt(TrackedPool.CYCLE)).isEmpty();
  }

  @Test
  void aReloadInFlightIsRememberedUntilCleared() {
    Pool pool = Pool.openForTeam(TEAM, OFF);

    Pool inFlight = pool.withReloadInFlight(new PurchaseId("pur-1"));

    assertThat(inFlight.isReloadInFlight()).isTrue();
    assertThat(inFlight.withReloadInFlight(null).isReloadInFlight()).isFalse();
    assertThat(pool.isReloadInFlight()).isFalse();
  }

  @Test
  void transitionsChainTheirPostingsAndEvents() {
    TrackedPool pool = PoolBuilder.aMemberPool().build();
    PoolTransition first = pool.pool().advanceTo(days(30), 1_500, TrackedPool.CYCLE);
    PoolTransition second = first.pool().advanceTo(days(60), 1_500, TrackedPool.CYCLE);

    PoolTransition both = first.then(second);

    assertThat(both.pool()).isEqualTo(second.pool());
    assertThat(both.postings()).hasSize(first.postings().size() + second.postings().size());
    assertThat(both.events()).hasSize(first.events().size() + second.events().size());
    assertThat(PoolTransition.unchanged(pool.pool()).postings()).isEmpty();
  }
}
