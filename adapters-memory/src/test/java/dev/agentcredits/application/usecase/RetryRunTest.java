package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.RunId;
import org.junit.jupiter.api.Test;

/** RetryRun: a FAILED run is billed afresh once the cause is fixed (rule 12). */
class RetryRunTest extends UseCaseTest {

  @Test
  void aRefusedRunRunsAfterAPurchase() {
    TestTeam team = billing.aBuildTeam().withMember("bob").withCreditsLeft("bob", 0).build();
    String taskId = failedRunOf(team, "bob");
    ok(team.buy(team.key("bob"), "bob", 400));

    RunView retried = ok(retry(team.key("bob"), taskId));

    assertThat(retried.taskId()).isEqualTo(taskId);
    assertThat(retried.state()).isEqualTo("QUEUED");
    assertThat(retried.errorCode()).isNull();
    assertThat(retried.heldCredits()).isEqualTo(20);
    assertThat(team.available("bob")).isEqualTo(380);
    assertThat(ofType(billing.takeEvents(), EventType.RUN_ACCEPTED)).hasSize(1);
  }

  @Test
  void aRunStoppedMidRunRunsAgainAfterTheArrearsArePaid() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 20).build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.usage(run, "u-1", 50));
    ok(team.buy(team.key("owner"), "owner", 400));

    RunView retried = ok(retry(team.key("owner"), run.taskId()));

    assertThat(retried.state()).isEqualTo("QUEUED");
    assertThat(retried.chargedCredits()).isEqualTo(50);
    assertThat(team.available("owner")).isEqualTo(400 - 30 - 20);
  }

  @Test
  void usageChargedToTheFailedRunWhileARetryIsUnderWayIsKept() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 20).build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.usage(run, "u-1", 50));
    ok(team.buy(team.key("owner"), "owner", 400));
    // after the retry has read the run, and before its admission, late usage of the stopped run
    billing.transactions.before(2, () -> ok(billing.usage(run, "u-2", 7)));

    RunView retried = ok(retry(team.key("owner"), run.taskId()));

    assertThat(retried.state()).isEqualTo("QUEUED");
    assertThat(retried.chargedCredits()).isEqualTo(57);
    assertThat(billing.run(run.taskId()).chargedCredits()).isEqualTo(57);
  }

  @Test
  void aRetryThatStillCannotBeFundedIsRefusedAgain() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 0).build();
    String taskId = failedRunOf(team, "owner");

    refused(retry(team.key("owner"), taskId), Refusal.InsufficientCredits.class);

    assertThat(billing.run(taskId).state()).isEqualTo("FAILED");
  }

  @Test
  void onlyAFailedRunCanBeRetried() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));

    refused(retry(team.key("owner"), run.taskId()), Refusal.InvalidRequest.class);
    ok(billing.complete(run));
    refused(retry(team.key("owner"), run.taskId()), Refusal.InvalidRequest.class);
    assertThat(team.poolView("owner").heldCredits()).isZero();
  }

  @Test
  void anotherTeamsRunIsNotFound() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 0).build();
    TestTeam other = billing.aBuildTeam().build();
    String taskId = failedRunOf(team, "owner");

    refused(retry(other.key("owner"), taskId), Refusal.NotFound.class);
  }

  @Test
  void aMemberCannotRetryAnotherMembersRunWhichWouldSpendTheirPool() {
    TestTeam team =
        billing
            .aBuildTeam()
            .withMember("bob")
            .withMember("eve")
            .withAdmin("ann")
            .withCreditsLeft("bob", 0)
            .build();
    String bobs = failedRunOf(team, "bob");
    ok(team.buy(team.key("bob"), "bob", 400));

    refused(retry(team.key("eve"), bobs), Refusal.NotAuthorized.class);
    assertThat(billing.run(bobs).state()).isEqualTo("FAILED");
    assertThat(team.available("bob")).isEqualTo(400);

    assertThat(ok(retry(team.key("ann"), bobs)).state()).isEqualTo("QUEUED");
  }

  @Test
  void aMemberSeesTheirOwnRunsAndTheTeamKeyAndAdminsSeeEveryRun() {
    TestTeam team = billing.aBuildTeam().withMember("bob").withMember("eve").build();
    RunView bobs = ok(team.submitAs("bob"));
    RunView owners = ok(team.submitWithTeamKey());

    ok(get(team.key("bob"), bobs.taskId()));
    refused(get(team.key("eve"), bobs.taskId()), Refusal.NotAuthorized.class);
    refused(get(team.key("bob"), owners.taskId()), Refusal.NotAuthorized.class);
    ok(get(team.key("owner"), bobs.taskId()));
    ok(get(team.teamKey(), bobs.taskId()));
    refused(
        billing
            .app
            .completeRun()
            .complete(new RunCommand(team.key("eve"), new RunId(bobs.taskId()))),
        Refusal.NotAuthorized.class);
    assertThat(billing.run(bobs.taskId()).state()).isEqualTo("QUEUED");
  }

  private Outcome<RunView> get(Caller caller, String taskId) {
    return billing.app.getRun().get(new RunCommand(caller, new RunId(taskId)));
  }

  private String failedRunOf(TestTeam team, String member) {
    return (String) refused(team.submitAs(member), Refusal.InsufficientCredits.class).run().value();
  }

  private Outcome<RunView> retry(Caller caller, String taskId) {
    return billing.app.retryRun().retry(new RunCommand(caller, new RunId(taskId)));
  }
}
