package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.GrantContractCreditsCommand;
import dev.agentcredits.application.port.in.TimeKeepingUseCase;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.shared.Credits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What time does: hold expiry (rule 14), plan refresh (rule 9), lot and grant expiry (rule 10). */
class TimeKeepingTest extends UseCaseTest {

  private TimeKeepingUseCase.Report runDueWork() {
    return billing.app.timeKeeping().runDueWork();
  }

  @Test
  void aHoldUnsettledForTwentyFourHoursIsSettledAsIfTheRunHadCompleted() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.usage(run, "u-1", 5));

    billing.advance(Duration.ofHours(24));
    TimeKeepingUseCase.Report report = runDueWork();

    assertThat(report.holdsExpired()).isEqualTo(1);
    RunView settled = billing.run(run.taskId());
    assertThat(settled.state()).isEqualTo("SUCCEEDED");
    assertThat(settled.heldCredits()).isZero();
    assertThat(team.poolView("owner").heldCredits()).isZero();
    assertThat(team.available("owner")).isEqualTo(1_495);
    assertThat(ofType(billing.takeEvents(), EventType.RUN_COMPLETED))
        .singleElement()
        .satisfies(e ->
            assertThat(((EventData.RunChanged) e.data()).settledBy()).isEqualTo("hold_expired"));
  }

  @Test
  void aHoldIsKeptUntilItsTimeToLiveHasPassed() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));

    billing.advance(Duration.ofHours(24).minusSeconds(1));
    runDueWork();

    assertThat(billing.run(run.taskId()).state()).isEqualTo("QUEUED");
    assertThat(team.poolView("owner").heldCredits()).isEqualTo(20);
  }

  @Test
  void theTimeToLiveCountsFromTheLastUsageReport() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    billing.advance(Duration.ofHours(20));
    ok(billing.usage(run, "u-1", 1));

    billing.advance(Duration.ofHours(20));
    runDueWork();
    assertThat(billing.run(run.taskId()).state()).isEqualTo("QUEUED");

    billing.advance(Duration.ofHours(4));
    runDueWork();
    assertThat(billing.run(run.taskId()).state()).isEqualTo("SUCCEEDED");
  }

  @Test
  void planCreditsAreRefreshedThirtyDaysAfterTheAnchorWithoutRollover() {
    TestTeam team = billing.aBuildTeam().withMember("bob").withCreditsLeft("bob", 700).build();

    billing.advance(Duration.ofDays(30));
    TimeKeepingUseCase.Report report = runDueWork();

    assertThat(report.poolsAdvanced()).isEqualTo(2);
    assertThat(team.poolView("bob").planCredits()).isEqualTo(1_500);
    assertThat(team.poolView("bob").nextRefreshAt())
        .isEqualTo(BillingFixture.START.plus(Duration.ofDays(60)));
    List<DomainEvent> events = billing.takeEvents();
    assertThat(ofType(events, EventType.PLAN_CREDITS_REFRESHED)).hasSize(2);
    assertThat(ofType(events, EventType.CREDITS_EXPIRED))
        .filteredOn(e -> e.subject().equals(team.poolId("bob").value()))
        .singleElement()
        .satisfies(
            e -> assertThat(((EventData.CreditsExpired) e.data()).credits()).isEqualTo(700L));
  }

  @Test
  void missedCyclesAreAllCaughtUp() {
    TestTeam team = billing.aBuildTeam().build();

    billing.advance(Duration.ofDays(95));
    runDueWork();

    assertThat(ofType(billing.takeEvents(), EventType.PLAN_CREDITS_REFRESHED)).hasSize(3);
    assertThat(team.poolView("owner").planCredits()).isEqualTo(1_500);
  }

  @Test
  void anAddOnLotExpiresTwelveMonthsAfterPurchaseWithItsOwnLedgerEntry() {
    TestTeam team = billing.aBuildTeam().build();
    ok(team.buy(team.key("owner"), "owner", 1_000));

    billing.advance(Duration.ofDays(364));
    runDueWork();
    assertThat(team.poolView("owner").addonCredits()).isEqualTo(1_000);

    billing.advance(Duration.ofDays(1));
    runDueWork();

    assertThat(team.poolView("owner").addonCredits()).isZero();
    assertThat(
            billing.stores().ledger().ofPool(team.poolId("owner")).stream()
                .filter(
                    p -> p.kind() == PostingKind.EXPIRED && p.sourceKind() == SourceKind.ADD_ON))
        .singleElement()
        .satisfies(p -> assertThat(p.credits()).isEqualTo(1_000));
    assertThat(ofType(billing.takeEvents(), EventType.CREDITS_EXPIRED))
        .filteredOn(e -> "ADD_ON".equals(((EventData.CreditsExpired) e.data()).sourceKind()))
        .hasSize(1);
  }

  @Test
  void aGrantExpiresButCreditsHeldByARunExpireOnlyWhenReleased() {
    TestTeam team = billing.anEnterpriseTeam().build();
    ok(
        billing
            .app
            .grantContractCredits()
            .grant(
                new GrantContractCreditsCommand(
                    OPERATOR,
                    team.id,
                    Credits.of(100),
                    billing.clock.instant().plus(Duration.ofHours(10)))));
    RunView run = ok(team.submitWithTeamKey());

    billing.advance(Duration.ofHours(10));
    runDueWork();
    assertThat(team.poolView("owner").addonCredits()).isEqualTo(20);
    assertThat(team.poolView("owner").availableCredits()).isZero();

    ok(billing.complete(run));

    assertThat(team.poolView("owner").addonCredits()).isZero();
    assertThat(ofType(billing.takeEvents(), EventType.CREDITS_EXPIRED))
        .as("the free 80 expire on time, the held 20 when released")
        .extracting(e -> (EventData.CreditsExpired) e.data())
        .extracting(d -> d.sourceKind().toLowerCase(java.util.Locale.ROOT) + ":" + d.credits())
        .containsExactly("grant:80", "grant:20");
  }

  @Test
  void aPurchaseInterruptedBetweenPaymentAndCreditIsFinishedLater() {
    java.util.concurrent.atomic.AtomicBoolean down =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    BillingFixture flaky =
        new BillingFixture(simulated ->
            new dev.agentcredits.application.testing.InterceptedPayments(
                simulated,
                (purchase, card) -> {
                  if (down.get()) {
                    throw new dev.agentcredits.application.port.out.ResourceUnavailableException(
                        "gateway down", null);
                  }
                  return simulated.charge(purchase, card);
                }));
    TestTeam team = flaky.aBuildTeam().build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> team.buy(team.key("owner"), "owner", 400))
        .isInstanceOf(dev.agentcredits.application.port.out.ResourceUnavailableException.class);
    assertThat(team.poolView("owner").addonCredits()).isZero();

    down.set(false);
    flaky.advance(Duration.ofSeconds(31));
    TimeKeepingUseCase.Report report = flaky.app.timeKeeping().runDueWork();

    assertThat(report.purchasesRecovered()).isEqualTo(1);
    assertThat(team.poolView("owner").addonCredits()).isEqualTo(400);
    assertThat(ofType(flaky.takeEvents(), EventType.ADD_ON_PURCHASED)).hasSize(1);
    flaky.assertEveryPoolReconciles();
  }

  @Test
  void nothingIsDueAndNothingChangesWhenTimeHasNotMoved() {
    billing.aBuildTeam().build();

    TimeKeepingUseCase.Report report = runDueWork();

    assertThat(report).isEqualTo(new TimeKeepingUseCase.Report(0, 0, 0, 0, 0));
    assertThat(billing.takeEvents()).isEmpty();
  }

  @Test
  void relayedEventsArePurgedAfterAWeekAndUnrelayedOnesNever() {
    TestTeam team = billing.aBuildTeam().build();
    billing.takeEvents();
    billing.advance(Duration.ofDays(8));
    billing.app.timeKeeping().runDueWork();
    ok(team.submitAs("owner"));
    long unrelayed = billing.stores().outbox().depth();

    billing.advance(Duration.ofDays(8));
    assertThat(billing.app.timeKeeping().runDueWork().eventsPurged())
        .as("never relayed, so kept")
        .isZero();
    assertThat(billing.stores().outbox().depth()).isGreaterThanOrEqualTo(unrelayed).isPositive();

    int relayed = billing.takeEvents().size();
    billing.advance(Duration.ofDays(7));
    assertThat(billing.app.timeKeeping().runDueWork().eventsPurged())
        .as("relayed exactly a week ago")
        .isZero();
    billing.advance(Duration.ofSeconds(1));
    assertThat(billing.app.timeKeeping().runDueWork().eventsPurged()).isEqualTo(relayed);
  }
}
