package dev.agentcredits.domain.pool;

import static dev.agentcredits.domain.pool.PoolBuilder.aMemberPool;
import static dev.agentcredits.domain.pool.PoolBuilder.aTeamPool;
import static dev.agentcredits.domain.pool.PoolBuilder.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.RunId;
import org.junit.jupiter.api.Test;

/** DOMAIN.md rules 3, 5 and 16: usage against the hold first, then the waterfall, then arrears. */
class PoolChargeTest {

  @Test
  void usageWithinTheHoldIsChargedFromTheHoldAndTheRestStaysHeld() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).build();
    Hold hold = pool.reserve("run-1", 20, days(1));

    ChargeOutcome charge = pool.charge("run-1", hold, "u-1", 5, days(1));

    assertThat(charge.fromHold()).isEqualTo(5);
    assertThat(charge.fromWaterfall()).isZero();
    assertThat(charge.uncovered()).isZero();
    assertThat(charge.fullyCovered()).isTrue();
    assertThat(charge.remainingHold().total()).isEqualTo(15);
    assertThat(pool.pool().balances().held()).isEqualTo(15);
    assertThat(pool.pool().balances().plan()).isEqualTo(1_495);
    assertThat(pool.postingsOf(PostingKind.CHARGED_FROM_HOLD))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.reference()).isEqualTo("u-1");
          assertThat(p.run()).isEqualTo(new RunId("run-1"));
          assertThat(p.source()).isEqualTo(hold.reservations().get(0).source());
        });
    pool.assertReconciles();
  }

  @Test
  void usageBeyondTheHoldUsesTheWholeHoldThenTheWaterfall() {
    TrackedPool pool = aMemberPool().withPlanCredits(1_500).build();
    Hold hold = pool.reserve("run-1", 20, days(1));

    ChargeOutcome charge = pool.charge("run-1", hold, "u-1", 50, days(1));

    assertThat(charge.fromHold()).isEqualTo(20);
    assertThat(charge.fromWaterfall()).isEqualTo(30);
    assertThat(charge.total()).isEqualTo(50);
    assertThat(charge.remainingHold().isEmpty()).isTrue();
    assertThat(pool.pool().balances().held()).isZero();
    assertThat(pool.pool().balances().plan()).isEqualTo(1_450);
    pool.assertReconciles();
  }

  @Test
  void aHoldSpanningSourcesIsUsedInTheOrderItWasTaken() {
    TrackedPool pool = aMemberPool().withPlanCredits(10).withLot("lot-a", 400, days(90)).build();
    Hold hold = pool.reserve("run-1", 20, days(1));

    ChargeOutcome charge = pool.charge("run-1", hold, "u-1", 12, days(1));

    assertThat(pool.postingsOf(PostingKind.CHARGED_FROM_HOLD))
        .extracting(p -> p.sourceKind() + ":" + p.credits())
        .containsExactly("PLAN:10", "ADD_ON:2");
    assertThat(charge.remainingHold().reservations())
        .extracting(r -> r.source().value() + ":" + r.credits())
        .containsExactly("lot-a:8");
  }

  @Test
  void whatNothingCoversBecomesArrearsAndIsNeverDropped() {
    TrackedPool pool = aMemberPool().withPlanCredits(30).build();
    Hold hold = pool.reserve("run-1", 20, days(1));

    ChargeOutcome charge = pool.charge("run-1", hold, "u-1", 100, days(1));

    assertThat(charge.fromHold()).isEqualTo(20);
    assertThat(charge.fromWaterfall()).isEqualTo(10);
    assertThat(charge.uncovered()).isEqualTo(70);
    assertThat(charge.total()).isEqualTo(100);
    assertThat(charge.fullyCovered()).isFalse();
    assertThat(pool.pool().arrears()).isEqualTo(70);
    assertThat(pool.pool().balances().settled()).isEqualTo(-70);
    assertThat(pool.postingsOf(PostingKind.ARREARS_INCURRED))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.credits()).isEqualTo(70);
          assertThat(p.source()).isNull();
          assertThat(p.run()).isEqualTo(new RunId("run-1"));
          assertThat(p.reference()).isEqualTo("u-1");
        });
    pool.assertReconciles();
  }

  @Test
  void arrearsAddUpAcrossReports() {
    TrackedPool pool = aTeamPool().build();

    pool.charge("run-1", Hold.NONE, "u-1", 7, days(1));
    pool.charge("run-1", Hold.NONE, "u-2", 8, days(1));

    assertThat(pool.pool().arrears()).isEqualTo(15);
    pool.assertReconciles();
  }

  @Test
  void heldCreditsCanBeChargedAfterTheirSourceExpired() {
    TrackedPool pool = aTeamPool().withGrant("grant-a", 100, days(10)).build();
    Hold hold = pool.reserve("run-1", 20, days(9));
    pool.advanceTo(days(11));
    assertThat(pool.source("grant-a").remaining()).isEqualTo(20);

    ChargeOutcome charge = pool.charge("run-1", hold, "u-1", 15, days(11));

    assertThat(charge.fromHold()).isEqualTo(15);
    assertThat(charge.uncovered()).isZero();
    assertThat(pool.source("grant-a").reserved()).isEqualTo(5);
    pool.assertReconciles();
  }

  @Test
  void usageIsNeverDrawnFromAnExpiredSourceOutsideTheHold() {
    TrackedPool pool = aTeamPool().withGrant("grant-a", 100, days(10)).build();

    ChargeOutcome charge = pool.charge("run-1", Hold.NONE, "u-1", 15, days(10));

    assertThat(charge.fromWaterfall()).isZero();
    assertThat(charge.uncovered()).isEqualTo(15);
  }

  @Test
  void aChargeOfLessThanOneCreditIsABug() {
    Pool pool = aMemberPool().build().pool();

    assertThatThrownBy(() -> pool.charge(new RunId("run-1"), Hold.NONE, "u-1", 0, days(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
