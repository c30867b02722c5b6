package dev.agentcredits.domain.pool;

import static dev.agentcredits.domain.pool.PoolBuilder.aMemberPool;
import static dev.agentcredits.domain.pool.PoolBuilder.days;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md rule 15: settled = plan + add-on − arrears; available = settled − open holds. */
class PoolBalancesTest {

  @ParameterizedTest(name = "plan {0} + add-on {1} - arrears {2} - held {3}")
  @CsvSource({
    "1500, 0,   0,   0,  1500, 1500",
    "1500, 400, 0,   20, 1900, 1880",
    "0,    0,   70,  0,  -70,  -70",
    "0,    400, 0,   400, 400, 0",
    "20,   0,   0,   20,  20,  0",
  })
  void settledAndAvailableFollowFromTheParts(
      long plan, long addOn, long arrears, long held, long settled, long available) {
    PoolBalances balances = new PoolBalances(plan, addOn, arrears, held);

    assertThat(balances.settled()).isEqualTo(settled);
    assertThat(balances.available()).isEqualTo(available);
  }

  @Test
  void aPoolSumsItsSourcesByKind() {
    TrackedPool pool =
        aMemberPool()
            .withPlanCredits(1_500)
            .withLot("lot-a", 400, days(90))
            .withLot("lot-b", 1_000, days(120))
            .build();
    pool.reserve("run-1", 1_510, days(1));

    PoolBalances balances = pool.pool().balances();

    assertThat(balances.plan()).isEqualTo(1_500);
    assertThat(balances.addOn()).isEqualTo(1_400);
    assertThat(balances.held()).isEqualTo(1_510);
    assertThat(balances.settled()).isEqualTo(2_900);
    assertThat(balances.available()).isEqualTo(1_390);
    assertThat(pool.pool().available()).isEqualTo(balances.available());
  }

  @Test
  void chargingFromAHoldLowersSettledButNotAvailable() {
    TrackedPool pool = aMemberPool().withPlanCredits(100).build();
    Hold hold = pool.reserve("run-1", 20, days(1));
    long available = pool.pool().available();

    pool.charge("run-1", hold, "u-1", 15, days(1));

    assertThat(pool.pool().balances().settled()).isEqualTo(85);
    assertThat(pool.pool().available()).isEqualTo(available);
  }
}
