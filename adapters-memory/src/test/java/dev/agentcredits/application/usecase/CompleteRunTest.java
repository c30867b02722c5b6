package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.shared.RunId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** CompleteRun: the unused hold goes back where it came from; the run SUCCEEDED (rule 4). */
class CompleteRunTest extends UseCaseTest {

  @Test
  void completionReleasesTheUnusedHoldAndSucceeds() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.usage(run, "u-1", 8));

    RunView done = ok(billing.complete(run));

    assertThat(done.state()).isEqualTo("SUCCEEDED");
    assertThat(done.heldCredits()).isZero();
    assertThat(done.chargedCredits()).isEqualTo(8);
    assertThat(team.poolView("owner").heldCredits()).isZero();
    assertThat(team.available("owner")).isEqualTo(1_492);
    assertThat(ofType(billing.takeEvents(), EventType.RUN_COMPLETED))
        .singleElement()
        .satisfies(e ->
            assertThat((EventData.RunChanged) e.data())
                .satisfies(d -> {
                  assertThat(d.releasedCredits()).isEqualTo(12L);
                  assertThat(d.settledBy()).isEqualTo("completed");
                  assertThat(d.state()).isEqualTo("SUCCEEDED");
                }));
  }

  @Test
  void theHoldGoesBackToTheSourcesItCameFrom() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 30).build();
    ok(team.buy(team.key("owner"), "owner", 400));
    RunView first = ok(team.submitAs("owner"));
    RunView second = ok(team.submitAs("owner"));
    assertThat(team.poolView("owner").addonCredits()).isEqualTo(400);

    ok(billing.complete(second));

    var released =
        billing.stores().ledger().ofPool(team.poolId("owner")).stream()
            .filter(p -> p.kind() == PostingKind.RELEASED)
            .filter(p -> p.run().equals(new RunId(second.taskId())))
            .map(p -> p.sourceKind() + ":" + p.credits())
            .toList();
    assertThat(released).containsExactly("PLAN:10", "ADD_ON:10");
    assertThat(team.available("owner")).isEqualTo(430 - 20);
    assertThat(first.heldCredits()).isEqualTo(20);
  }

  @Test
  void planCreditsHeldFromACycleThatHasEndedAreNotGivenBack() {
    TestTeam team = billing.aBuildTeam().build();
    billing.advance(Duration.ofDays(29).plusHours(12));
    RunView run = ok(team.submitAs("owner"));
    billing.advance(Duration.ofHours(12));
    billing.app.timeKeeping().runDueWork();
    assertThat(team.poolView("owner").planCredits()).isEqualTo(1_520);

    ok(billing.complete(run));

    assertThat(team.poolView("owner").planCredits()).isEqualTo(1_500);
    assertThat(team.available("owner")).isEqualTo(1_500);
  }

  @Test
  void completingTwiceAnswersTheSameAndChangesNothing() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    RunView done = ok(billing.complete(run));
    billing.takeEvents();
    int postings = billing.stores().ledger().ofPool(team.poolId("owner")).size();

    RunView again = ok(billing.complete(run));

    assertThat(again).isEqualTo(done);
    assertThat(billing.stores().ledger().ofPool(team.poolId("owner"))).hasSize(postings);
    assertThat(billing.takeEvents()).isEmpty();
  }

  @Test
  void aFailedRunCannotBeCompleted() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 0).build();
    String failed =
        refused(team.submitAs("owner"), Refusal.InsufficientCredits.class).run().value();

    refused(
        billing.app.completeRun().complete(new RunCommand(team.key("owner"), new RunId(failed))),
        Refusal.InvalidRequest.class);
  }

  @Test
  void anotherTeamsRunIsNotFound() {
    TestTeam team = billing.aBuildTeam().build();
    TestTeam other = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));

    refused(
        billing
            .app
            .completeRun()
            .complete(new RunCommand(other.key("owner"), new RunId(run.taskId()))),
        Refusal.NotFound.class);
    assertThat(billing.run(run.taskId()).state()).isEqualTo("QUEUED");
  }

  @Test
  void aMemberOfTheTeamMayCompleteItsRun() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    RunView run = ok(team.submitAs("bob"));

    RunView done =
        ok(
            billing
                .app
                .completeRun()
                .complete(new RunCommand(team.key("bob"), new RunId(run.taskId()))));

    assertThat(done.state()).isEqualTo("SUCCEEDED");
    assertThat(
            billing.stores().ledger().ofPool(team.poolId("bob")).stream()
                .map(Posting::kind)
                .filter(k -> k == PostingKind.RELEASED))
        .hasSize(1);
  }
}
