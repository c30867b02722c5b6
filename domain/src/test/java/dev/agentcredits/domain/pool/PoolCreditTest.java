package dev.agentcredits.domain.pool;

import static dev.agentcredits.domain.pool.PoolBuilder.T0;
import static dev.agentcredits.domain.pool.PoolBuilder.aMemberPool;
import static dev.agentcredits.domain.pool.PoolBuilder.aTeamPool;
import static dev.agentcredits.domain.pool.PoolBuilder.days;
import static dev.agentcredits.domain.pool.PoolBuilder.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.SourceId;
import org.junit.jupiter.api.Test;

/** Lots, grants and cycles reaching a pool; DOMAIN.md rule 5: arrears are paid first. */
class PoolCreditTest {

  @Test
  void aLotIsCreditedWithItsOwnPosting() {
    TrackedPool pool = aMemberPool().withPlanCredits(0).build();

    pool.credit(source("pur-1", SourceKind.ADD_ON, 400, T0, days(365)), T0);

    assertThat(pool.pool().balances().addOn()).isEqualTo(400);
    assertThat(pool.postingsOf(PostingKind.CREDITED))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.source()).isEqualTo(new SourceId("pur-1"));
          assertThat(p.reference()).isEqualTo("pur-1");
          assertThat(p.credits()).isEqualTo(400);
        });
    pool.assertReconciles();
  }

  @Test
  void aGrantFundsAnEnterprisePool() {
    TrackedPool pool = aTeamPool().build();

    pool.credit(source("grant-1", SourceKind.GRANT, 5_000, T0, days(365)), T0);

    assertThat(pool.pool().balances().addOn()).isEqualTo(5_000);
    assertThat(pool.pool().balances().plan()).isZero();
    assertThat(pool.pool().available()).isEqualTo(5_000);
  }

  @Test
  void arrearsArePaidFirstOutOfNewCredits() {
    TrackedPool pool = aMemberPool().withPlanCredits(0).build();
    pool.charge("run-1", Hold.NONE, "u-1", 50, T0);

    pool.credit(source("pur-1", SourceKind.ADD_ON, 400, T0, days(365)), days(1));

    assertThat(pool.pool().arrears()).isZero();
    assertThat(pool.source("pur-1").remaining()).isEqualTo(350);
    assertThat(pool.postingsOf(PostingKind.ARREARS_SETTLED))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.credits()).isEqualTo(50);
          assertThat(p.source()).isEqualTo(new SourceId("pur-1"));
          assertThat(p.reference()).isEqualTo("pur-1");
        });
    pool.assertReconciles();
  }

  @Test
  void aLotSmallerThanTheArrearsIsSwallowedWhole() {
    TrackedPool pool = aTeamPool().build();
    pool.charge("run-1", Hold.NONE, "u-1", 500, T0);

    pool.credit(source("grant-1", SourceKind.GRANT, 400, T0, days(365)), T0);

    assertThat(pool.pool().arrears()).isEqualTo(100);
    assertThat(pool.hasSource("grant-1")).isFalse();
    assertThat(pool.pool().available()).isEqualTo(-100);
    pool.assertReconciles();
  }

  @Test
  void aSourceMustArriveWithCreditsAndNothingHeld() {
    Pool pool = aTeamPool().build().pool();
    CreditSource held = new CreditSource(new SourceId("g"), SourceKind.GRANT, 10, 1, T0, days(10));
    CreditSource empty = new CreditSource(new SourceId("g"), SourceKind.GRANT, 0, 0, T0, days(10));

    assertThatThrownBy(() -> pool.credit(held, "g", T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pool.credit(empty, "g", T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSameSourceCannotBeCreditedTwice() {
    TrackedPool pool = aTeamPool().withGrant("grant-1", 100, days(10)).build();

    assertThatThrownBy(
            () -> pool.credit(source("grant-1", SourceKind.GRANT, 100, T0, days(10)), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
