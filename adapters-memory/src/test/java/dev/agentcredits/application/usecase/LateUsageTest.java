package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md rule 27: usage reported after a run ended is charged within 24 hours of its end
 * (through the waterfall, into arrears if need be, with usage.charged), and a conflict later.
 */
class LateUsageTest extends UseCaseTest {

  @Test
  void usageOnACompletedRunWithinADayIsChargedToThePoolAndPublished() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.complete(run));
    billing.takeEvents();
    billing.advance(Duration.ofHours(23));

    RunView late = ok(billing.usage(run, "late-1", 50));

    assertThat(late.state()).isEqualTo("SUCCEEDED");
    assertThat(late.chargedCredits()).isEqualTo(50);
    assertThat(late.heldCredits()).isZero();
    assertThat(team.available("owner")).isEqualTo(1_450);
    DomainEvent charged = ofType(billing.takeEvents(), EventType.USAGE_CHARGED).getFirst();
    assertThat(charged.data())
        .isEqualTo(
            new EventData.UsageCharged(
                new RunId(run.taskId()), new UsageId("late-1"), 50, 0, 50, 0));
  }

  @Test
  void usageOnACancelledRunOfADrainedPoolGoesToArrearsWithUsageChargedAndCreditsDepleted() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.usage(run, "all", 1_500));
    cancel(run);
    billing.takeEvents();
    billing.advance(Duration.ofHours(2));

    RunView late = ok(billing.usage(run, "late-1", 5_000));

    assertThat(late.state()).isEqualTo("CANCELLED");
    assertThat(late.chargedCredits()).isEqualTo(6_500);
    assertThat(team.poolView("owner").arrearsCredits()).isEqualTo(5_000);
    List<DomainEvent> events = billing.takeEvents();
    assertThat(ofType(events, EventType.USAGE_CHARGED)).hasSize(1);
    assertThat(ofType(events, EventType.CREDITS_DEPLETED)).hasSize(1);
  }

  @Test
  void usageMoreThanADayAfterTheEndIsAConflictAndChangesNothing() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.usage(run, "u-1", 10));
    ok(billing.complete(run));
    billing.takeEvents();
    long before = team.available("owner");
    billing.advance(Duration.ofHours(24).plusSeconds(1));

    Refusal.Conflict conflict = refused(billing.usage(run, "late-1", 50), Refusal.Conflict.class);

    assertThat(conflict.detail()).contains("more than 24 hours");
    assertThat(team.available("owner")).isEqualTo(before);
    assertThat(billing.run(run.taskId()).chargedCredits()).isEqualTo(10);
    assertThat(billing.takeEvents()).isEmpty();
  }

  @Test
  void exactlyADayAfterTheEndIsStillCharged() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.complete(run));
    billing.advance(Duration.ofHours(24));

    assertThat(ok(billing.usage(run, "late-1", 5)).chargedCredits()).isEqualTo(5);
  }

  @Test
  void aLateReportSentAgainReplaysEvenAfterTheWindow() {
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));
    ok(billing.complete(run));
    billing.advance(Duration.ofHours(1));
    ok(billing.usage(run, "late-1", 5));
    billing.advance(Duration.ofDays(3));

    var again = billing.usage(run, "late-1", 5);

    assertThat(again.replayed()).isTrue();
    assertThat(ok(again).chargedCredits()).isEqualTo(5);
    assertThat(team.available("owner")).isEqualTo(1_495);
  }

  @Test
  void theBatchFollowsTheSameRule() {
    TestTeam team = billing.aBuildTeam().build();
    RunView ended = ok(team.submitAs("owner"));
    RunView old = ok(team.submitAs("owner"));
    ok(billing.complete(old));
    billing.advance(Duration.ofHours(25));
    ok(billing.complete(ended));
    billing.advance(Duration.ofHours(1));

    var outcomes =
        billing
            .app
            .reportUsageBatch()
            .reportAll(
                List.of(
                    new ReportUsageCommand(
                        OPERATOR, new RunId(ended.taskId()), new UsageId("b-1"), 7),
                    new ReportUsageCommand(
                        OPERATOR, new RunId(old.taskId()), new UsageId("b-2"), 7)));

    assertThat(ok(outcomes.get(0)).chargedCredits()).isEqualTo(7);
    refused(outcomes.get(1), Refusal.Conflict.class);
  }

  private void cancel(RunView run) {
    ok(billing.app.cancelRun().cancel(new RunCommand(OPERATOR, new RunId(run.taskId()))));
  }
}
