package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.RaiseSpendCapCommand;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.Money;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md rule 25: the month's spend reaching 50, 80 and 100 % of the cap raises {@code
 * spend_cap.threshold_reached}, each once a month, with the purchase or cap change that causes it.
 */
class SpendCapAlertsTest extends UseCaseTest {
  private static final YearMonth JANUARY = YearMonth.of(2025, 1);

  @Test
  void manualPurchasesAnnounceEachThresholdOnceAsTheSpendCrossesIt() {
    TestTeam team = billing.aBuildTeam().build(); // the default cap: $200
    Caller owner = team.key("owner");

    ok(team.buy(owner, "owner", 3_000)); // $50: 25 %
    assertThat(thresholds()).isEmpty();
    ok(team.buy(owner, "owner", 6_500)); // $150: 75 %
    assertThat(thresholds()).containsExactly(50);
    ok(team.buy(owner, "owner", 3_000)); // $200: 100 %
    List<DomainEvent> atTheCap =
        ofType(billing.takeEvents(), EventType.SPEND_CAP_THRESHOLD_REACHED);
    refused(team.buy(owner, "owner", 400), Refusal.BudgetExceeded.class);

    assertThat(atTheCap)
        .extracting(DomainEvent::data)
        .containsExactly(
            new EventData.SpendCapThresholdReached(
                JANUARY, 80, Money.dollars(200), Money.dollars(200)),
            new EventData.SpendCapThresholdReached(
                JANUARY, 100, Money.dollars(200), Money.dollars(200)));
    assertThat(atTheCap).allSatisfy(e -> assertThat(e.team()).isEqualTo(team.id));
    assertThat(thresholds()).as("a refused purchase announces nothing").isEmpty();
  }

  @Test
  void autoReloadsAnnounceThemInTheirOwnTransaction() {
    TestTeam team =
        billing
            .aBuildTeam()
            .withSpendCap(Money.dollars(20))
            .withCreditsLeft("owner", 0)
            .withAutoReload("owner", 400)
            .build();

    ok(team.submitAs("owner")); // one reload of $10: 50 %
    assertThat(thresholds()).containsExactly(50);
    team.spendDownTo("owner", 0);
    ok(team.submitAs("owner")); // a second one: 100 %
    assertThat(thresholds()).containsExactly(80, 100);
  }

  @Test
  void aDeclinedPaymentGivesTheSpendBackButTheAnnouncementStays() {
    TestTeam team = billing.aBuildTeam().withSpendCap(Money.dollars(20)).build();
    Caller owner = team.key("owner");
    ok(team.buy(owner, "owner", 400));
    billing.takeEvents();

    billing.gateway.setDeclined(team.id, true);
    refused(team.buy(owner, "owner", 400), Refusal.PaymentFailed.class);
    List<Integer> whilePending = thresholds();
    billing.gateway.setDeclined(team.id, false);
    ok(team.buy(owner, "owner", 400));

    assertThat(whilePending)
        .as("a pending purchase counts against the cap at once (rule 19), so it announces")
        .containsExactly(80, 100);
    assertThat(thresholds()).as("each threshold once a month").isEmpty();
    assertThat(spent(team)).isEqualTo(2_000);
  }

  @Test
  void aRaisedCapAnnouncesAgainOnlyThresholdsNewlyCrossedAgainstIt() {
    TestTeam team = billing.aBuildTeam().build();
    Caller owner = team.key("owner");
    ok(team.buy(owner, "owner", 6_500)); // $100: 50 %
    ok(team.buy(owner, "owner", 3_000)); // $150: 75 %
    ok(team.buy(owner, "owner", 400)); // $160: 80 %
    assertThat(thresholds()).containsExactly(50, 80);

    setCap(team, Money.dollars(400)); // $160 of $400: 40 %, nothing reached
    assertThat(thresholds()).isEmpty();
    ok(team.buy(owner, "owner", 3_000)); // $210: 52 % of the new cap
    assertThat(thresholds()).containsExactly(50);
    setCap(team, Money.dollars(400));
    assertThat(thresholds()).as("the same cap again changes nothing").isEmpty();
  }

  @Test
  void aLoweredCapAnnouncesWhatTheSpendNowReachesWithTheChange() {
    TestTeam team = billing.aBuildTeam().build();
    ok(team.buy(team.key("owner"), "owner", 6_500)); // $100: 50 %
    billing.takeEvents();

    setCap(team, Money.dollars(110));

    List<DomainEvent> events = billing.takeEvents();
    assertThat(events)
        .extracting(DomainEvent::type)
        .containsExactly(EventType.SPEND_CAP_CHANGED, EventType.SPEND_CAP_THRESHOLD_REACHED);
    assertThat(events.getLast().data())
        .isEqualTo(
            new EventData.SpendCapThresholdReached(
                JANUARY, 80, Money.dollars(100), Money.dollars(110)));
  }

  @Test
  void aNewMonthStartsWithNothingAnnounced() {
    TestTeam team = billing.aBuildTeam().withSpendCap(Money.dollars(20)).build();
    ok(team.buy(team.key("owner"), "owner", 400));
    assertThat(thresholds()).containsExactly(50);

    billing.advance(java.time.Duration.ofDays(31));
    ok(team.buy(team.key("owner"), "owner", 400));

    assertThat(thresholds()).containsExactly(50);
  }

  private void setCap(TestTeam team, Money cap) {
    ok(
        billing
            .app
            .raiseSpendCap()
            .setMonthlyLimit(new RaiseSpendCapCommand(team.key("owner"), team.id, cap)));
  }

  /** The thresholds announced since the last look, in order. */
  private List<Integer> thresholds() {
    return ofType(billing.takeEvents(), EventType.SPEND_CAP_THRESHOLD_REACHED).stream()
        .map(e -> ((EventData.SpendCapThresholdReached) e.data()).thresholdPercent())
        .toList();
  }

  private long spent(TestTeam team) {
    return billing
        .stores()
        .spend()
        .find(team.id, dev.agentcredits.domain.spend.MonthlySpend.monthOf(billing.clock.instant()))
        .spent()
        .cents();
  }
}
