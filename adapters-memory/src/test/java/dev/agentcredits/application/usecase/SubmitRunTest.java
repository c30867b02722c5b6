package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.INTEGRATION;
import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.team.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SubmitRun: who pays (the principal table), the start hold, and what is refused. */
class SubmitRunTest extends UseCaseTest {

  @Test
  void aMembersOwnRunIsUserTriggeredAndHeldOnTheirPool() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();

    RunView run = ok(team.submitAs("bob"));

    assertThat(run.state()).isEqualTo("QUEUED");
    assertThat(run.trigger()).isEqualTo("USER");
    assertThat(run.billedPool().kind()).isEqualTo("MEMBER");
    assertThat(run.billedPool().memberId()).isEqualTo(team.memberId("bob").value());
    assertThat(run.heldCredits()).isEqualTo(20);
    assertThat(team.poolView("bob").heldCredits()).isEqualTo(20);
    assertThat(team.poolView("bob").availableCredits()).isEqualTo(1_480);
    assertThat(team.poolView("owner").heldCredits()).isZero();
  }

  @Test
  void aTeamApiKeyRunIsBilledToTheOwnersPool() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();

    RunView run = ok(team.submitWithTeamKey());

    assertThat(run.trigger()).isEqualTo("TEAM_API_KEY");
    assertThat(run.billedPool().memberId()).isEqualTo(team.memberId("owner").value());
    assertThat(team.poolView("owner").heldCredits()).isEqualTo(20);
  }

  @Test
  void aScheduledRunIsBilledToTheOwnersPoolWhoeverScheduledIt() {
    TestTeam team = billing.aTeam(Plan.MAX).withMember("bob").build();

    RunView run = ok(team.submitScheduledAs("bob"));

    assertThat(run.trigger()).isEqualTo("SCHEDULED");
    assertThat(run.billedPool().memberId()).isEqualTo(team.memberId("owner").value());
    assertThat(team.poolView("bob").heldCredits()).isZero();
    assertThat(team.poolView("owner").availableCredits()).isEqualTo(10_000 - 20);
  }

  @Test
  void anIntegrationNamesTheTriggerAndTheMember() {
    TestTeam team = billing.aTeam(Plan.BUSINESS).withMember("bob").build();

    RunView user = ok(team.submitByIntegrationFor("bob"));
    RunView scheduled =
        ok(
            billing
                .app
                .submitRun()
                .submit(
                    new SubmitRunCommand(
                        INTEGRATION, team.id, Trigger.SCHEDULED, null, "cron-1", "p", null)));

    assertThat(user.billedPool().memberId()).isEqualTo(team.memberId("bob").value());
    assertThat(scheduled.billedPool().memberId()).isEqualTo(team.memberId("owner").value());
  }

  @Test
  void anEnterpriseRunIsHeldOnTheTeamPoolWhateverTheTrigger() {
    TestTeam team = billing.anEnterpriseTeam().withMember("bob").withGrant(1_000).build();

    RunView byMember = ok(team.submitAs("bob"));
    RunView byKey = ok(team.submitWithTeamKey());
    RunView scheduled = ok(team.submitScheduledAs("owner"));

    for (RunView run : List.of(byMember, byKey, scheduled)) {
      assertThat(run.billedPool().kind()).isEqualTo("TEAM");
      assertThat(run.billedPool().memberId()).isNull();
    }
    assertThat(team.poolView("bob").heldCredits()).isEqualTo(60);
  }

  @ParameterizedTest
  @EnumSource(
      value = Plan.class,
      names = {"PRO", "TURBO", "LIGHTSPEED"})
  void legacyPlansCannotRunCloudAgents(Plan plan) {
    TestTeam team = billing.aTeam(plan).build();

    refused(team.submitAs("owner"), Refusal.FeatureNotAvailable.class);
    refused(team.submitWithTeamKey(), Refusal.FeatureNotAvailable.class);
    assertThat(billing.takeEvents()).isEmpty();
  }

  @Test
  void acceptanceIsPublishedWithTheHold() {
    TestTeam team = billing.aBuildTeam().build();

    RunView run = ok(team.submitAs("owner"));

    List<DomainEvent> accepted = ofType(billing.takeEvents(), EventType.RUN_ACCEPTED);
    assertThat(accepted)
        .singleElement()
        .satisfies(e -> {
          assertThat(e.subject()).isEqualTo(run.taskId());
          assertThat(e.team()).isEqualTo(team.id);
          var data = (EventData.RunChanged) e.data();
          assertThat(data.heldCredits()).isEqualTo(20L);
          assertThat(data.trigger()).isEqualTo(Trigger.USER);
          assertThat(data.state()).isEqualTo("QUEUED");
        });
  }

  @Test
  void theSameRequestKeyAnswersTheFirstRunInsteadOfStartingASecond() {
    TestTeam team = billing.aBuildTeam().build();
    SubmitRunCommand command =
        new SubmitRunCommand(team.key("owner"), null, null, null, null, "p", "req-1");

    RunView first = ok(billing.app.submitRun().submit(command));
    RunView again = ok(billing.app.submitRun().submit(command));

    assertThat(again.taskId()).isEqualTo(first.taskId());
    assertThat(team.poolView("owner").heldCredits()).isEqualTo(20);
    assertThat(ofType(billing.takeEvents(), EventType.RUN_ACCEPTED)).hasSize(1);
  }

  @Test
  void aRefusedSubmissionReplayedUnderItsKeyIsRefusedAgainAndStartsNothing() {
    // The run-level replay is what answers when the adapter's record of the first answer is gone
    // (a crash between the refusal's commit and that record): it must be the refusal again.
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 5).build();
    SubmitRunCommand command =
        new SubmitRunCommand(team.key("owner"), null, null, null, null, "p", "req-1");
    var first = refused(billing.app.submitRun().submit(command), Refusal.InsufficientCredits.class);
    billing.takeEvents();

    var again = refused(billing.app.submitRun().submit(command), Refusal.InsufficientCredits.class);

    assertThat(again.run()).isEqualTo(first.run());
    assertThat(again.why().billed()).isEqualTo(first.why().billed());
    assertThat(again.why().balances()).isEqualTo(first.why().balances());
    assertThat(billing.run(first.run().value()).state()).isEqualTo("FAILED");
    assertThat(billing.takeEvents()).as("a replay publishes nothing").isEmpty();
    assertThat(team.available("owner")).isEqualTo(5);
  }

  @Test
  void aReplayedRefusalStillSaysRefusedAfterThePoolCouldPay() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 5).build();
    SubmitRunCommand command =
        new SubmitRunCommand(team.key("owner"), null, null, null, null, "p", "req-1");
    refused(billing.app.submitRun().submit(command), Refusal.InsufficientCredits.class);
    ok(team.buy(team.key("owner"), "owner", 400));

    refused(billing.app.submitRun().submit(command), Refusal.InsufficientCredits.class);

    assertThat(team.poolView("owner").heldCredits()).as("the key cannot start a run").isZero();
  }

  @Test
  void theSameRequestKeyWithAnotherRequestIsAConflict() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    ok(
        billing
            .app
            .submitRun()
            .submit(new SubmitRunCommand(team.key("owner"), null, null, null, null, "p", "req-1")));

    refused(
        billing
            .app
            .submitRun()
            .submit(
                new SubmitRunCommand(
                    team.key("owner"), null, null, null, "nightly", "another prompt", "req-1")),
        Refusal.Conflict.class);
  }

  @Test
  void theOperatorKeyCannotSubmitRuns() {
    billing.aBuildTeam().build();

    refused(
        billing
            .app
            .submitRun()
            .submit(new SubmitRunCommand(OPERATOR, null, null, null, null, "p", null)),
        Refusal.InvalidRequest.class);
  }

  @Test
  void anIntegrationCannotBillAMemberOfAnotherTeam() {
    TestTeam team = billing.aBuildTeam().build();
    TestTeam other = billing.aBuildTeam().withMember("eve").build();
    MemberId eve = other.memberId("eve");

    refused(
        billing
            .app
            .submitRun()
            .submit(new SubmitRunCommand(INTEGRATION, team.id, Trigger.USER, eve, null, "p", null)),
        Refusal.NotFound.class);
    assertThat(other.poolView("eve").heldCredits()).isZero();
  }

  @Test
  void aRunOfAnUnknownTeamIsNotFound() {
    refused(
        billing
            .app
            .submitRun()
            .submit(
                new SubmitRunCommand(
                    INTEGRATION,
                    new dev.agentcredits.domain.shared.TeamId("nope"),
                    Trigger.TEAM_API_KEY,
                    null,
                    null,
                    "p",
                    null)),
        Refusal.NotFound.class);
  }

  @Test
  void theStartHoldIsTwentyCreditsAndTwentyAreEnough() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 20).build();

    RunView run = ok(team.submitAs("owner"));

    assertThat(run.heldCredits()).isEqualTo(20);
    assertThat(team.available("owner")).isZero();
    refused(team.submitAs("owner"), Refusal.InsufficientCredits.class);
  }
}
