package dev.agentcredits.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.alert.AlertsInForce.CapStanding;
import dev.agentcredits.domain.alert.AlertsInForce.PoolStanding;
import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.principal.PoolKind;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.threshold.Announced;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is in force now, from the state as it is (API.md GET alerts). */
class AlertsInForceTest {
  private static final TeamId TEAM = new TeamId("team-1");
  private static final MemberId ALICE = new MemberId("alice");
  private static final YearMonth MARCH = YearMonth.of(2031, 3);
  private static final Instant ANNOUNCED = Instant.parse("2031-03-03T08:00:00Z");
  private static final Instant CHANGED = Instant.parse("2031-03-04T10:00:00Z");
  private static final Instant NOW = Instant.parse("2031-03-05T12:00:00Z");

  /** The spend against a $200 cap: which cap alert is in force ({@code -}: none). */
  @ParameterizedTest(name = "${0} of $200 -> {1}")
  @CsvSource({"0, -", "100, -", "159, -", "160, 80", "199, 80", "200, 100", "250, 100"})
  void theCapIsAnAlertFromEightyPercent(long dollars, String threshold) {
    var spend = new MonthlySpend(TEAM, MARCH, Money.dollars(dollars));

    List<Alert> alerts = AlertsInForce.of(cap(spend, 200), List.of(), NOW);

    if (threshold.equals("-")) {
      assertThat(alerts).isEmpty();
    } else {
      assertThat(alerts)
          .containsExactly(
              new Alert.SpendCapNear(
                  Integer.parseInt(threshold), Money.dollars(dollars), Money.dollars(200), NOW));
    }
  }

  @Test
  void theCapAlertIsRaisedWhenItsThresholdWasAnnounced() {
    var spend =
        new MonthlySpend(
            TEAM,
            MARCH,
            Money.dollars(170),
            new Announced(new TreeSet<>(List.of(50, 80)), ANNOUNCED));

    Alert alert = AlertsInForce.of(cap(spend, 200), List.of(), NOW).getFirst();

    assertThat(alert.raisedAt()).isEqualTo(ANNOUNCED);
    assertThat(alert.blocking()).isFalse();
  }

  @Test
  void aPlanWithoutACapHasNoCapAlert() {
    assertThat(AlertsInForce.of(Optional.empty(), List.of(), NOW)).isEmpty();
  }

  /**
   * A pool with {@code available} credits, a threshold of 100, auto-reload {@code reload} (on, off,
   * declined): the alerts in force, by kind.
   */
  @ParameterizedTest(name = "{0} available, reload {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
           500 | off      | -
           101 | on       | -
           100 | off      | low
            40 | on       | low
             0 | off      | depleted
           -30 | off      | depleted
           500 | declined | declined
            20 | declined | declined low
          """)
  void aPoolIsAnAlertWhenLowOrWhenADeclineTurnedItsReloadOff(
      long available, String reload, String expected) {
    Pool pool = pool(available, reload);

    List<Alert> alerts =
        AlertsInForce.of(
            Optional.empty(), List.of(new PoolStanding(pool, ANNOUNCED, CHANGED)), NOW);

    assertThat(alerts.stream().map(AlertsInForceTest::kind).sorted().toList())
        .isEqualTo(expected.equals("-") ? List.of() : List.of(expected.split(" ")));
  }

  @Test
  void aPoolAlertSaysWhoseAndTheFigures() {
    Pool pool = pool(40, "on");

    Alert alert =
        AlertsInForce.of(Optional.empty(), List.of(new PoolStanding(pool, null, CHANGED)), NOW)
            .getFirst();

    assertThat(alert).isEqualTo(new Alert.PoolLow(pool.id(), ALICE, 40, 100, true, CHANGED));
  }

  @Test
  void aBeginningTheServiceDoesNotKnowIsNow() {
    Pool pool = pool(20, "declined");

    List<Alert> alerts =
        AlertsInForce.of(Optional.empty(), List.of(new PoolStanding(pool, null, null)), NOW);

    assertThat(alerts).extracting(Alert::raisedAt).containsOnly(NOW);
  }

  @Test
  void aClosedPoolRaisesNothing() {
    Pool closed = pool(0, "declined");
    closed =
        new Pool(
            closed.id(),
            closed.kind(),
            closed.team(),
            closed.member(),
            closed.cycleAnchor(),
            closed.cycleStart(),
            closed.arrears(),
            closed.sources(),
            closed.autoReload(),
            null,
            NOW);

    assertThat(
            AlertsInForce.of(Optional.empty(), List.of(new PoolStanding(closed, null, null)), NOW))
        .isEmpty();
  }

  @Test
  void blockingAlertsComeFirstThenTheNewest() {
    var spend = new MonthlySpend(TEAM, MARCH, Money.dollars(170));
    Pool low = pool(50, "off");
    Pool declined = pool(500, "declined");

    List<Alert> alerts =
        AlertsInForce.of(
            cap(spend, 200),
            List.of(
                new PoolStanding(low, null, CHANGED),
                new PoolStanding(declined, ANNOUNCED, CHANGED)),
            NOW);

    assertThat(alerts.stream().map(AlertsInForceTest::kind).toList())
        .containsExactly("declined", "cap", "low");
  }

  private static Optional<CapStanding> cap(MonthlySpend spend, long capDollars) {
    return Optional.of(new CapStanding(spend, Money.dollars(capDollars)));
  }

  private static String kind(Alert alert) {
    return switch (alert) {
      case Alert.SpendCapNear c -> "cap";
      case Alert.ReloadDeclined d -> "declined";
      case Alert.PoolLow l -> l.depleted() ? "depleted" : "low";
    };
  }

  /** Alice's pool with {@code available} credits (arrears when negative) and a threshold of 100. */
  private static Pool pool(long available, String reload) {
    Credits threshold = Credits.of(100);
    AutoReloadSettings settings =
        switch (reload) {
          case "on" -> new AutoReloadSettings(true, Credits.of(1000), threshold, null);
          case "declined" ->
              new AutoReloadSettings(true, Credits.of(1000), threshold, null)
                  .turnedOffAfter(ReloadFailure.PAYMENT_DECLINED);
          default -> AutoReloadSettings.off(threshold);
        };
    List<CreditSource> sources =
        available > 0
            ? List.of(
                new CreditSource(
                    new SourceId("lot-1"),
                    SourceKind.ADD_ON,
                    available,
                    0,
                    ANNOUNCED,
                    NOW.plusSeconds(86_400 * 300)))
            : List.of();
    return new Pool(
        PoolIds.forMember(ALICE),
        PoolKind.MEMBER,
        TEAM,
        ALICE,
        ANNOUNCED,
        null,
        Math.max(0, -available),
        sources,
        settings,
        null);
  }
}
