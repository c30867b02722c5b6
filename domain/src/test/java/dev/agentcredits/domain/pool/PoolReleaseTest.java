package dev.agentcredits.domain.pool;

import static dev.agentcredits.domain.pool.PoolBuilder.T0;
import static dev.agentcredits.domain.pool.PoolBuilder.aMemberPool;
import static dev.agentcredits.domain.pool.PoolBuilder.aTeamPool;
import static dev.agentcredits.domain.pool.PoolBuilder.days;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.RunId;
import org.junit.jupiter.api.Test;

/** DOMAIN.md rules 4, 10 and 16: the unused hold goes back exactly where it came from. */
class PoolReleaseTest {

  @Test
  void releaseGivesEachReservationBackToItsOwnSource() {
    TrackedPool pool = aMemberPool().withPlanCredits(10).withLot("lot-a", 400, days(90)).build();
    Hold hold = pool.reserve("run-1", 20, days(1));
    ChargeOutcome charge = pool.charge("run-1", hold, "u-1", 4, days(1));

    pool.release("run-1", charge.remainingHold(), days(1));

    assertThat(pool.postingsOf(PostingKind.RELEASED))
        .extracting(p -> p.sourceKind() + ":" + p.credits())
        .containsExactly("PLAN:6", "ADD_ON:10");
    assertThat(pool.pool().balances().held()).isZero();
    assertThat(pool.pool().balances().plan()).isEqualTo(6);
    assertThat(pool.source("lot-a").free()).isEqualTo(400);
    assertThat(pool.pool().available()).isEqualTo(406);
    pool.assertReconciles();
  }

  @Test
  void releasingNothingPostsNothing() {
    TrackedPool pool = aMemberPool().build();

    PoolTransition transition = pool.release("run-1", Hold.NONE, days(1));

    assertThat(transition.postings()).isEmpty();
  }

  @Test
  void heldCreditsOfAnExpiredLotExpireWhenReleased() {
    TrackedPool pool = aTeamPool().withGrant("grant-a", 100, days(10)).build();
    Hold hold = pool.reserve("run-1", 20, days(9));
    pool.advanceTo(days(11));
    assertThat(pool.source("grant-a").remaining()).as("held credits survive expiry").isEqualTo(20);

    pool.release("run-1", hold, days(11));

    assertThat(pool.postings().subList(pool.postings().size() - 2, pool.postings().size()))
        .extracting(p -> p.kind() + ":" + p.credits() + ":" + p.source().value())
        .containsExactly("RELEASED:20:grant-a", "EXPIRED:20:grant-a");
    assertThat(pool.hasSource("grant-a")).isFalse();
    assertThat(pool.pool().available()).isZero();
    DomainEvent lastEvent = pool.events().get(pool.events().size() - 1);
    assertThat(lastEvent.type()).isEqualTo(EventType.CREDITS_EXPIRED);
    var expired = (EventData.CreditsExpired) lastEvent.data();
    assertThat(expired.source().value()).isEqualTo("grant-a");
    assertThat(expired.credits()).isEqualTo(20L);
    pool.assertReconciles();
  }

  @Test
  void planCreditsOfAnEndedCycleAreNotGivenBack() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).build();
    Hold hold = pool.reserve("run-1", 20, days(29));
    pool.advanceTo(days(30));
    assertThat(pool.pool().balances().plan()).as("new cycle + held remainder").isEqualTo(1_520);

    pool.release("run-1", hold, days(30));

    assertThat(pool.pool().balances().plan()).isEqualTo(1_500);
    assertThat(pool.pool().available()).isEqualTo(1_500);
    Posting expired = pool.postings().get(pool.postings().size() - 1);
    assertThat(expired.kind()).isEqualTo(PostingKind.EXPIRED);
    assertThat(expired.sourceKind()).isEqualTo(SourceKind.PLAN);
    assertThat(expired.source()).isEqualTo(hold.reservations().get(0).source());
    assertThat(expired.run()).isEqualTo(new RunId("run-1"));
    pool.assertReconciles();
  }

  @Test
  void releasedCreditsPayTheArrearsOfAnotherRunFirst() {
    TrackedPool pool = aMemberPool().withPlanCredits(40).build();
    Hold hold = pool.reserve("run-1", 20, days(1));
    pool.charge("run-2", Hold.NONE, "u-9", 30, days(1));
    assertThat(pool.pool().arrears()).isEqualTo(10);

    pool.release("run-1", hold, days(1));

    assertThat(pool.pool().arrears()).isZero();
    assertThat(pool.sum(PostingKind.ARREARS_SETTLED)).isEqualTo(10);
    assertThat(pool.pool().available()).isEqualTo(10);
    pool.assertReconciles();
  }

  @Test
  void creditsThatExpireOnReleaseDoNotPayArrears() {
    TrackedPool pool = aTeamPool().withGrant("grant-a", 20, days(10)).build();
    Hold hold = pool.reserve("run-1", 20, days(9));
    pool.charge("run-2", Hold.NONE, "u-1", 5, days(9));
    pool.advanceTo(days(10));

    pool.release("run-1", hold, days(10));

    assertThat(pool.pool().arrears()).isEqualTo(5);
    assertThat(pool.sum(PostingKind.EXPIRED)).isEqualTo(20);
    assertThat(pool.pool().sources()).isEmpty();
    pool.assertReconciles();
  }

  @Test
  void aStopAfterArrearsReleasesTheRestOfTheHold() {
    TrackedPool pool = aMemberPool().withPlanCredits(20).build();
    Hold hold = pool.reserve("run-1", 20, T0);
    ChargeOutcome charge = pool.charge("run-1", hold, "u-1", 25, T0);

    pool.release("run-1", charge.remainingHold(), T0);

    assertThat(pool.pool().arrears()).isEqualTo(5);
    assertThat(pool.pool().balances().held()).isZero();
    pool.assertReconciles();
  }
}
