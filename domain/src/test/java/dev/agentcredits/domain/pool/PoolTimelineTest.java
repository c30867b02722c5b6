package dev.agentcredits.domain.pool;

import static dev.agentcredits.domain.pool.PoolBuilder.T0;
import static dev.agentcredits.domain.pool.PoolBuilder.aMemberPool;
import static dev.agentcredits.domain.pool.PoolBuilder.aTeamPool;
import static dev.agentcredits.domain.pool.PoolBuilder.days;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DOMAIN.md rules 9 and 10: what time does to a pool, each change at the moment it fell due. */
class PoolTimelineTest {

  @Test
  void theFirstCycleStartsAtTheAnchor() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).build();

    assertThat(pool.pool().balances().plan()).isEqualTo(1_500);
    assertThat(pool.pool().cycleStart()).isEqualTo(T0);
    assertThat(pool.events())
        .singleElement()
        .satisfies(e -> {
          assertThat(e.type()).isEqualTo(EventType.PLAN_CREDITS_REFRESHED);
          assertThat(e.at()).isEqualTo(T0);
          var refreshed = (EventData.PlanCreditsRefreshed) e.data();
          assertThat(refreshed.credits()).isEqualTo(1_500L);
          assertThat(refreshed.cycleEndsAt()).isEqualTo(days(30));
        });
  }

  @Test
  void nothingHappensBeforeTheAnchor() {
    Pool fresh =
        Pool.openForMember(
            PoolBuilder.TEAM,
            PoolBuilder.ALICE,
            days(5),
            AutoReloadSettings.off(dev.agentcredits.domain.shared.Credits.of(100)));

    PoolTransition transition = fresh.advanceTo(days(4), 1_500, TrackedPool.CYCLE);

    assertThat(transition.postings()).isEmpty();
    assertThat(transition.pool().sources()).isEmpty();
    assertThat(fresh.nextRefreshAt(TrackedPool.CYCLE)).contains(days(5));
  }

  @Test
  void theNextCycleStartsThirtyDaysAfterTheAnchorAndNotASecondEarlier() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).build();
    pool.reserve("run-1", 20, days(1));
    pool.charge("run-1", Hold.NONE, "u-1", 500, days(1));

    pool.advanceTo(days(30).minusSeconds(1));
    assertThat(pool.pool().balances().plan()).isEqualTo(1_000);
    assertThat(pool.pool().nextRefreshAt(TrackedPool.CYCLE)).contains(days(30));

    pool.advanceTo(days(30));
    assertThat(pool.pool().cycleStart()).isEqualTo(days(30));
    assertThat(pool.pool().nextRefreshAt(TrackedPool.CYCLE)).contains(days(60));
    pool.assertReconciles();
  }

  @Test
  void unusedPlanCreditsDoNotRollOver() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).build();
    pool.charge("run-1", Hold.NONE, "u-1", 200, days(3));

    pool.advanceTo(days(30));

    assertThat(pool.pool().balances().plan()).isEqualTo(1_500);
    Posting expired = pool.postingsOf(PostingKind.EXPIRED).get(0);
    assertThat(expired.credits()).isEqualTo(1_300);
    assertThat(expired.sourceKind()).isEqualTo(SourceKind.PLAN);
    assertThat(expired.at()).isEqualTo(days(30));
    assertThat(expired.run()).isNull();
    assertThat(eventsOf(pool, EventType.CREDITS_EXPIRED))
        .singleElement()
        .satisfies(
            e -> assertThat(((EventData.CreditsExpired) e.data()).sourceKind()).isEqualTo("PLAN"));
    pool.assertReconciles();
  }

  @Test
  void missedCyclesAreEachAppliedInOrder() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).build();

    pool.advanceTo(days(95));

    assertThat(eventsOf(pool, EventType.PLAN_CREDITS_REFRESHED))
        .extracting(DomainEvent::at)
        .containsExactly(T0, days(30), days(60), days(90));
    assertThat(pool.postings())
        .extracting(p -> p.kind() + "@" + p.at())
        .containsExactly(
            "CREDITED@" + T0,
            "EXPIRED@" + days(30),
            "CREDITED@" + days(30),
            "EXPIRED@" + days(60),
            "CREDITED@" + days(60),
            "EXPIRED@" + days(90),
            "CREDITED@" + days(90));
    assertThat(pool.pool().balances().plan()).isEqualTo(1_500);
    assertThat(pool.pool().cycleStart()).isEqualTo(days(90));
    pool.assertReconciles();
  }

  @Test
  void aRefreshPaysArrearsFirst() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).build();
    pool.charge("run-1", Hold.NONE, "u-1", 1_600, days(2));
    assertThat(pool.pool().arrears()).isEqualTo(100);

    pool.advanceTo(days(30));

    assertThat(pool.pool().arrears()).isZero();
    assertThat(pool.pool().balances().plan()).isEqualTo(1_400);
    assertThat(pool.postingsOf(PostingKind.ARREARS_SETTLED))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.credits()).isEqualTo(100);
          assertThat(p.at()).isEqualTo(days(30));
        });
    assertThat(eventsOf(pool, EventType.PLAN_CREDITS_REFRESHED).get(1).data())
        .extracting(d -> ((EventData.PlanCreditsRefreshed) d).arrearsPaid())
        .isEqualTo(100L);
    pool.assertReconciles();
  }

  @Test
  void largeArrearsArePaidByTheMissedCyclesOneAfterTheOther() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).build();
    pool.charge("run-1", Hold.NONE, "u-1", 3_500, days(2));
    assertThat(pool.pool().arrears()).isEqualTo(2_000);

    pool.advanceTo(days(60));

    assertThat(eventsOf(pool, EventType.PLAN_CREDITS_REFRESHED))
        .extracting(e -> ((EventData.PlanCreditsRefreshed) e.data()).arrearsPaid())
        .containsExactly(0L, 1_500L, 500L);
    assertThat(pool.pool().arrears()).isZero();
    assertThat(pool.pool().balances().plan()).isEqualTo(1_000);
    pool.assertReconciles();
  }

  @Test
  void aLotExpiresAtItsOwnMomentWithItsOwnPostingAndEvent() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).withLot("lot-a", 400, days(45)).build();

    pool.advanceTo(days(50));

    Posting expired =
        pool.postingsOf(PostingKind.EXPIRED).stream()
            .filter(p -> p.source().value().equals("lot-a"))
            .findFirst()
            .orElseThrow();
    assertThat(expired.credits()).isEqualTo(400);
    assertThat(expired.at()).isEqualTo(days(45));
    assertThat(eventsOf(pool, EventType.CREDITS_EXPIRED))
        .filteredOn(e -> "lot-a".equals(((EventData.CreditsExpired) e.data()).source().value()))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.at()).isEqualTo(days(45));
          var data = (EventData.CreditsExpired) e.data();
          assertThat(data.sourceKind()).isEqualTo("ADD_ON");
          assertThat(data.credits()).isEqualTo(400L);
        });
    assertThat(pool.pool().balances().addOn()).isZero();
    pool.assertReconciles();
  }

  @Test
  void refreshesAndExpiriesInterleaveInTheOrderTheyFellDue() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).withLot("lot-a", 400, days(45)).build();

    pool.advanceTo(days(61));

    assertThat(pool.events())
        .extracting(e -> e.type() + "@" + e.at())
        .containsExactly(
            "PLAN_CREDITS_REFRESHED@" + T0,
            "CREDITS_EXPIRED@" + days(30),
            "PLAN_CREDITS_REFRESHED@" + days(30),
            "CREDITS_EXPIRED@" + days(45),
            "CREDITS_EXPIRED@" + days(60),
            "PLAN_CREDITS_REFRESHED@" + days(60));
  }

  @Test
  void aGrantExpiresButWhatRunsHoldSurvivesUntilReleased() {
    TrackedPool pool = aTeamPool().withGrant("grant-a", 100, days(10)).build();
    pool.reserve("run-1", 30, days(5));

    pool.advanceTo(days(11));

    CreditSource grant = pool.source("grant-a");
    assertThat(grant.remaining()).isEqualTo(30);
    assertThat(grant.reserved()).isEqualTo(30);
    assertThat(pool.sum(PostingKind.EXPIRED)).isEqualTo(70);
    assertThat(pool.pool().available()).isZero();
    assertThat(pool.pool().nextDueAt(TrackedPool.CYCLE)).isEmpty();
    pool.assertReconciles();
  }

  @Test
  void anEnterprisePoolNeverRefreshes() {
    TrackedPool pool = aTeamPool().withGrant("grant-a", 100, days(400)).build();

    pool.advanceTo(days(365));

    assertThat(eventsOf(pool, EventType.PLAN_CREDITS_REFRESHED)).isEmpty();
    assertThat(pool.pool().nextRefreshAt(TrackedPool.CYCLE)).isEmpty();
    assertThat(pool.pool().balances().addOn()).isEqualTo(100);
  }

  @Test
  void aPoolIsNextDueAtItsRefreshOrItsFirstExpiryOfFreeCredits() {
    TrackedPool pool = aMemberPool().withPlanCredits(0).withLot("lot-a", 400, days(20)).build();
    assertThat(pool.pool().nextDueAt(TrackedPool.CYCLE)).contains(days(20));

    pool.advanceTo(days(21));
    assertThat(pool.pool().nextDueAt(TrackedPool.CYCLE)).contains(days(30));
  }

  @Test
  void advancingTwiceToTheSameMomentChangesNothingTheSecondTime() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).withLot("lot-a", 10, days(5)).build();
    pool.advanceTo(days(40));

    PoolTransition again = pool.advanceTo(days(40));

    assertThat(again.postings()).isEmpty();
    assertThat(again.events()).isEmpty();
  }

  private static List<DomainEvent> eventsOf(TrackedPool pool, EventType type) {
    return pool.events().stream().filter(e -> e.type() == type).toList();
  }
}
