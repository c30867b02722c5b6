package dev.agentcredits.domain.pool;

import static dev.agentcredits.domain.pool.PoolBuilder.T0;
import static dev.agentcredits.domain.pool.PoolBuilder.aMemberPool;
import static dev.agentcredits.domain.pool.PoolBuilder.aTeamPool;
import static dev.agentcredits.domain.pool.PoolBuilder.days;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.shared.SourceId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md "The waterfall": plan credits, then lots (grants) the one expiring first first. */
class WaterfallTest {

  /**
   * Sources written {@code id/KIND/expiry-in-days}; the expected order is the ids in waterfall
   * order.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          plan/PLAN/30 lot-a/ADD_ON/5                          | plan lot-a
          lot-a/ADD_ON/365 lot-b/ADD_ON/90 lot-c/ADD_ON/180    | lot-b lot-c lot-a
          lot-late/ADD_ON/300 plan/PLAN/30 lot-soon/ADD_ON/1   | plan lot-soon lot-late
          grant-b/GRANT/200 grant-a/GRANT/100                  | grant-a grant-b
          grant-x/GRANT/50 lot-y/ADD_ON/40                     | lot-y grant-x
          lot-b/ADD_ON/90 lot-a/ADD_ON/90                      | lot-a lot-b
          plan/PLAN/1 lot-a/ADD_ON/400 grant-a/GRANT/2         | plan grant-a lot-a
          """)
  void ordersSourcesPlanFirstThenEarliestExpiringLot(String sources, String expected) {
    List<CreditSource> parsed = new ArrayList<>(parse(sources));
    for (int seed = 0; seed < 5; seed++) {
      Collections.shuffle(parsed, new Random(seed));
      List<String> ordered =
          parsed.stream().sorted(Waterfall.ORDER).map(s -> s.id().value()).toList();
      assertThat(ordered).containsExactly(expected.split(" "));
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          plan/PLAN/30 lot-a/ADD_ON/5                          | plan lot-a
          lot-a/ADD_ON/365 lot-b/ADD_ON/90 plan/PLAN/30        | plan lot-b lot-a
          grant-b/GRANT/200 grant-a/GRANT/100                  | grant-a grant-b
          """)
  void aPoolKeepsItsSourcesInWaterfallOrder(String sources, String expected) {
    Pool pool =
        new Pool(
            new dev.agentcredits.domain.shared.PoolId("t:team-1"),
            dev.agentcredits.domain.principal.PoolKind.TEAM,
            PoolBuilder.TEAM,
            null,
            null,
            null,
            0,
            parse(sources),
            AutoReloadSettings.off(dev.agentcredits.domain.shared.Credits.of(100)),
            null);
    assertThat(pool.sources()).extracting(s -> s.id().value()).containsExactly(expected.split(" "));
  }

  /**
   * A member pool with 100 plan credits, lot-late (400, expiring day 300) and lot-soon (400,
   * expiring day 60): a hold of {@code credits} takes {@code expected} (source:credits, in order).
   */
  @ParameterizedTest(name = "reserve {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          20  | plan:20
          100 | plan:100
          101 | plan:100 lot-soon:1
          500 | plan:100 lot-soon:400
          650 | plan:100 lot-soon:400 lot-late:150
          900 | plan:100 lot-soon:400 lot-late:400
          """)
  void aHoldTakesPlanCreditsFirstThenTheLotExpiringFirst(long credits, String expected) {
    TrackedPool pool =
        aMemberPool()
            .withPlanCredits(100)
            .withLot("lot-late", 400, days(300))
            .withLot("lot-soon", 400, days(60))
            .build();

    Hold hold = pool.reserve("run-1", credits, days(1));

    assertThat(hold.reservations())
        .extracting(r -> label(r.source()) + ":" + r.credits())
        .containsExactly(expected.split(" "));
    assertThat(hold.total()).isEqualTo(credits);
    pool.assertReconciles();
  }

  /** Enterprise: grants only, the earliest-ending grant first. */
  @ParameterizedTest(name = "reserve {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          20   | grant-jan:20
          300  | grant-jan:300
          301  | grant-jan:300 grant-mar:1
          1000 | grant-jan:300 grant-mar:500 grant-dec:200
          """)
  void anEnterpriseHoldTakesTheEarliestEndingGrantFirst(long credits, String expected) {
    TrackedPool pool =
        aTeamPool()
            .withGrant("grant-dec", 1_000, days(330))
            .withGrant("grant-jan", 300, days(20))
            .withGrant("grant-mar", 500, days(80))
            .build();

    Hold hold = pool.reserve("run-1", credits, days(1));

    assertThat(hold.reservations())
        .extracting(r -> r.source().value() + ":" + r.credits())
        .containsExactly(expected.split(" "));
  }

  @Test
  void usageBeyondTheHoldIsChargedThroughTheWaterfallInTheSameOrder() {
    TrackedPool pool =
        aMemberPool()
            .withPlanCredits(30)
            .withLot("lot-late", 400, days(300))
            .withLot("lot-soon", 50, days(60))
            .build();
    Hold hold = pool.reserve("run-1", 20, days(1));

    ChargeOutcome charge = pool.charge("run-1", hold, "u-1", 100, days(1));

    assertThat(charge.fromHold()).isEqualTo(20);
    assertThat(charge.fromWaterfall()).isEqualTo(80);
    assertThat(pool.postingsOf(PostingKind.CHARGED))
        .extracting(p -> label(p.source()) + ":" + p.credits())
        .containsExactly("plan:10", "lot-soon:50", "lot-late:20");
  }

  @Test
  void planCreditsComeFirstEvenWhenALotExpiresSooner() {
    TrackedPool pool = aMemberPool().withPlanCredits(50).withLot("lot-a", 400, days(2)).build();

    Hold hold = pool.reserve("run-1", 20, days(1));

    assertThat(hold.reservations())
        .singleElement()
        .extracting(Reservation::sourceKind)
        .isEqualTo(SourceKind.PLAN);
    assertThat(pool.pool().balances().addOn()).isEqualTo(400);
  }

  @Test
  void arrearsArePaidThroughTheWaterfallToo() {
    TrackedPool pool = aMemberPool().withPlanCredits(10).build();
    pool.charge("run-1", Hold.NONE, "u-1", 60, T0);
    assertThat(pool.pool().arrears()).isEqualTo(50);

    pool.credit(PoolBuilder.source("lot-late", SourceKind.ADD_ON, 400, T0, days(300)), T0);

    assertThat(pool.postingsOf(PostingKind.ARREARS_SETTLED))
        .extracting(p -> label(p.source()) + ":" + p.credits())
        .containsExactly("lot-late:50");
  }

  private static String label(SourceId id) {
    return id.value().startsWith("plan:") ? "plan" : id.value();
  }

  private static List<CreditSource> parse(String sources) {
    return Arrays.stream(sources.trim().split("\\s+"))
        .map(s -> s.split("/"))
        .map(f ->
            PoolBuilder.source(f[0], SourceKind.valueOf(f[1]), 100, T0, days(Long.parseLong(f[2]))))
        .toList();
  }
}
