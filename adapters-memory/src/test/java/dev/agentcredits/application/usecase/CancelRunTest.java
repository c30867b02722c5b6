package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.RunId;
import org.junit.jupiter.api.Test;

/** CancelRun (rule 21): reported usage stays charged, the rest of the hold goes back. */
class CancelRunTest extends UseCaseTest {

  @Test
  void cancellingKeepsTheUsageChargedAndGivesTheRestOfTheHoldBack() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.usage(run, "u-1", 8));
    billing.takeEvents();

    RunView cancelled = ok(cancel(team.key("owner"), run));

    assertThat(cancelled.state()).isEqualTo("CANCELLED");
    assertThat(cancelled.chargedCredits()).isEqualTo(8);
    assertThat(cancelled.heldCredits()).isZero();
    assertThat(billing.run(run.taskId()).state()).isEqualTo("CANCELLED");
    assertThat(team.poolView("owner").heldCredits()).isZero();
    assertThat(team.available("owner")).isEqualTo(1_500 - 8);
    assertThat(ofType(billing.takeEvents(), EventType.RUN_CANCELLED))
        .singleElement()
        .satisfies(e ->
            assertThat((EventData.RunChanged) e.data())
                .satisfies(d -> {
                  assertThat(d.state()).isEqualTo("CANCELLED");
                  assertThat(d.releasedCredits()).isEqualTo(12L);
                  assertThat(d.chargedCredits()).isEqualTo(8);
                  assertThat(d.settledBy()).isEqualTo("cancelled");
                }));
  }

  @Test
  void aRunAlreadyFinalIsAConflictAndChangesNothing() {
    TestTeam team = billing.aBuildTeam().build();
    RunView done = ok(team.submitAs("owner"));
    ok(billing.complete(done));
    RunView cancelled = ok(team.submitAs("owner"));
    ok(cancel(OPERATOR, cancelled));
    billing.takeEvents();
    long available = team.available("owner");

    refused(cancel(OPERATOR, done), Refusal.Conflict.class);
    refused(cancel(OPERATOR, cancelled), Refusal.Conflict.class);

    assertThat(billing.run(done.taskId()).state()).isEqualTo("SUCCEEDED");
    assertThat(team.available("owner")).isEqualTo(available);
    assertThat(billing.takeEvents()).isEmpty();
  }

  @Test
  void whoMayCancelIsWhoMayComplete() {
    TestTeam team =
        billing.aBuildTeam().withMember("bob").withMember("eve").withAdmin("ada").build();
    TestTeam other = billing.aBuildTeam().build();
    RunView bobs = ok(team.submitAs("bob"));

    refused(cancel(team.key("eve"), bobs), Refusal.NotAuthorized.class);
    refused(cancel(other.key("owner"), bobs), Refusal.NotFound.class);
    refused(cancel(other.teamKey(), bobs), Refusal.NotFound.class);
    assertThat(billing.run(bobs.taskId()).state()).isEqualTo("QUEUED");

    ok(cancel(team.key("bob"), bobs));
    ok(cancel(team.key("ada"), ok(team.submitAs("bob"))));
    ok(cancel(team.teamKey(), ok(team.submitAs("bob"))));
    ok(cancel(OPERATOR, ok(team.submitAs("bob"))));
    assertThat(team.poolView("bob").heldCredits()).isZero();
  }

  @Test
  void anUnknownRunIsNotFound() {
    refused(
        billing.app.cancelRun().cancel(new RunCommand(OPERATOR, new RunId("task_nope"))),
        Refusal.NotFound.class);
  }

  private Outcome<RunView> cancel(Caller caller, RunView run) {
    return billing.app.cancelRun().cancel(new RunCommand(caller, new RunId(run.taskId())));
  }
}
