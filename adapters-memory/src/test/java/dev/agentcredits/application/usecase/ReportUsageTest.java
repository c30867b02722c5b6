package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ReportUsage: charged exactly once, against the hold first, never dropped (rules 3, 5, 16). */
class ReportUsageTest extends UseCaseTest {
  private int reports;

  @Test
  void usageIsChargedAgainstTheHoldFirst() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));

    RunView charged = ok(billing.usage(run, "u-1", 5));

    assertThat(charged.chargedCredits()).isEqualTo(5);
    assertThat(charged.heldCredits()).isEqualTo(15);
    assertThat(charged.state()).isEqualTo("QUEUED");
    assertThat(team.poolView("owner").planCredits()).isEqualTo(1_495);
    assertThat(team.available("owner")).isEqualTo(1_480);
    assertThat(kinds(team, "owner")).contains(PostingKind.CHARGED_FROM_HOLD);
  }

  @Test
  void usageBeyondTheHoldIsChargedThroughTheWaterfall() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));

    RunView charged = ok(billing.usage(run, "u-1", 120));

    assertThat(charged.heldCredits()).isZero();
    assertThat(charged.chargedCredits()).isEqualTo(120);
    assertThat(team.available("owner")).isEqualTo(1_380);
    DomainEvent event = ofType(billing.takeEvents(), EventType.USAGE_CHARGED).get(0);
    assertThat(event.data())
        .isEqualTo(
            new EventData.UsageCharged(
                new RunId(run.taskId()), new UsageId("u-1"), 120, 20, 100, 0));
  }

  @Test
  void planCreditsArePaidBeforeAddOnCredits() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 300).build();
    ok(team.buy(team.key("owner"), "owner", 400));
    RunView run = ok(team.submitAs("owner"));

    ok(billing.usage(run, "u-1", 250));
    ok(billing.complete(run));

    var pool = team.poolView("owner");
    assertThat(pool.planCredits()).isEqualTo(50);
    assertThat(pool.addonCredits()).isEqualTo(400);
  }

  @Test
  void aUsageIdSeenBeforeChangesNothing() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.usage(run, "u-1", 30));
    billing.takeEvents();
    int postings = billing.stores().ledger().ofPool(team.poolId("owner")).size();

    RunView again = ok(billing.usage(run, "u-1", 30));

    assertThat(again.chargedCredits()).isEqualTo(30);
    assertThat(team.available("owner")).isEqualTo(1_470);
    assertThat(billing.stores().ledger().ofPool(team.poolId("owner"))).hasSize(postings);
    assertThat(billing.takeEvents()).isEmpty();
  }

  @Test
  void aUsageIdReusedWithOtherCreditsIsAConflict() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.usage(run, "u-1", 30));

    refused(billing.usage(run, "u-1", 31), Refusal.Conflict.class);

    assertThat(billing.run(run.taskId()).chargedCredits()).isEqualTo(30);
  }

  @Test
  void theSameUsageIdOnAnotherRunIsAnotherReport() {
    TestTeam team = billing.aBuildTeam().build();
    RunView one = ok(team.submitAs("owner"));
    RunView two = ok(team.submitAs("owner"));

    ok(billing.usage(one, "u-1", 10));
    ok(billing.usage(two, "u-1", 10));

    assertThat(billing.run(two.taskId()).chargedCredits()).isEqualTo(10);
  }

  @Test
  void aRunThatRunsDryIsStoppedAndItsUsageBecomesArrears() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 50).build();
    RunView run = ok(team.submitAs("owner"));

    RunView stopped = ok(billing.usage(run, "u-1", 80));

    assertThat(stopped.state()).isEqualTo("FAILED");
    assertThat(stopped.errorCode()).isEqualTo("insufficient_credits");
    assertThat(stopped.chargedCredits()).as("usage is never dropped").isEqualTo(80);
    assertThat(stopped.heldCredits()).isZero();
    var pool = team.poolView("owner");
    assertThat(pool.arrearsCredits()).isEqualTo(30);
    assertThat(pool.availableCredits()).isEqualTo(-30);
    List<DomainEvent> events = billing.takeEvents();
    assertThat(ofType(events, EventType.RUN_STOPPED))
        .singleElement()
        .satisfies(e ->
            assertThat(((EventData.RunChanged) e.data()).failureCode())
                .isEqualTo("insufficient_credits"));
    assertThat(ofType(events, EventType.CREDITS_DEPLETED)).hasSize(1);
    assertThat(
            ((EventData.UsageCharged) ofType(events, EventType.USAGE_CHARGED).get(0).data())
                .arrears())
        .isEqualTo(30L);
  }

  @Test
  void arrearsArePaidFirstByTheNextPurchase() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 20).build();
    RunView run = ok(team.submitByIntegrationFor("owner"));
    ok(billing.usage(run, "u-1", 70));
    assertThat(team.poolView("owner").arrearsCredits()).isEqualTo(50);

    ok(team.buy(team.key("owner"), "owner", 400));

    var pool = team.poolView("owner");
    assertThat(pool.arrearsCredits()).isZero();
    assertThat(pool.addonCredits()).isEqualTo(350);
    assertThat(pool.availableCredits()).isEqualTo(350);
  }

  @Test
  void arrearsArePaidFirstByTheNextRefresh() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 20).build();
    RunView run = ok(team.submitByIntegrationFor("owner"));
    ok(billing.usage(run, "u-1", 120));
    billing.advance(Duration.ofDays(30));

    billing.app.timeKeeping().runDueWork();

    var pool = team.poolView("owner");
    assertThat(pool.arrearsCredits()).isZero();
    assertThat(pool.planCredits()).isEqualTo(1_400);
    assertThat(ofType(billing.takeEvents(), EventType.PLAN_CREDITS_REFRESHED))
        .singleElement()
        .satisfies(e ->
            assertThat(((EventData.PlanCreditsRefreshed) e.data()).arrearsPaid()).isEqualTo(100L));
  }

  @Test
  void aPoolInArrearsAcceptsNoRunUntilTheyArePaid() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 20).build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.usage(run, "u-1", 25));

    refused(team.submitAs("owner"), Refusal.InsufficientCredits.class);
  }

  @Test
  void usageReportsComeFromThePlatformNotFromMemberKeys() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    RunView run = ok(team.submitAs("bob"));

    refused(report(team.key("bob"), run, 5), Refusal.NotAuthorized.class);
    refused(report(team.key("owner"), run, 5), Refusal.NotAuthorized.class);
    ok(report(team.teamKey(), run, 5));
    ok(report(BillingFixture.INTEGRATION, run, 5));
  }

  @Test
  void anotherTeamsRunIsNotFound() {
    TestTeam team = billing.aBuildTeam().build();
    TestTeam other = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));

    refused(report(other.teamKey(), run, 5), Refusal.NotFound.class);
    refused(
        billing
            .app
            .reportUsage()
            .report(new ReportUsageCommand(OPERATOR, new RunId("task_nope"), new UsageId("u"), 1)),
        Refusal.NotFound.class);
    assertThat(billing.run(run.taskId()).chargedCredits()).isZero();
  }

  @Test
  void usageNeedingSeveralReloadsIsCoveredWhileTheCapAllows() {
    // 4,000 uncovered credits: ten 400-credit reloads ($100 of a $200 cap) cover them.
    TestTeam team =
        billing.aBuildTeam().withCreditsLeft("owner", 20).withAutoReload("owner", 400, 10).build();
    RunView run = ok(team.submitAs("owner"));

    RunView charged = ok(billing.usage(run, "u-1", 4_020));

    assertThat(charged.state()).isEqualTo("QUEUED");
    assertThat(team.poolView("owner").arrearsCredits()).isZero();
  }

  private Outcome<RunView> report(Caller caller, RunView run, long credits) {
    return billing
        .app
        .reportUsage()
        .report(
            new ReportUsageCommand(
                caller, new RunId(run.taskId()), new UsageId("u-" + ++reports), credits));
  }

  private List<PostingKind> kinds(TestTeam team, String member) {
    return billing.stores().ledger().ofPool(team.poolId(member)).stream()
        .map(Posting::kind)
        .toList();
  }
}
