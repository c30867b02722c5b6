package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.INTEGRATION;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.RequestKey;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.RunCommandsUseCase;
import dev.agentcredits.application.port.in.RunCommandsUseCase.KeyedReport;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.service.idempotency.IdempotentRunCommands;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.UsageId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API.md "Messages": a replayed command changes nothing and gets the first answer again. */
class RunCommandsTest extends UseCaseTest {
  private final RunCommandsUseCase commands =
      new IdempotentRunCommands(
          billing.app.submitRun(),
          billing.app.reportUsage(),
          billing.app.reportUsageBatch(),
          billing.app.completeRun(),
          billing.app.idempotency());
  private final TestTeam team = billing.aBuildTeam().withMember("bob").build();

  private static RequestKey id(String commandId) {
    return new RequestKey(commandId);
  }

  private Outcome<RunView> submit(String commandId, String prompt) {
    return commands.submit(
        id(commandId),
        new SubmitRunCommand(
            INTEGRATION,
            team.id,
            Trigger.USER,
            team.memberId("bob"),
            null,
            prompt,
            "amqp:" + commandId));
  }

  private static ReportUsageCommand usage(RunView run, String usageId, long credits) {
    return new ReportUsageCommand(
        INTEGRATION, new RunId(run.taskId()), new UsageId(usageId), credits);
  }

  @Test
  void aCommandSentAgainIsAnsweredItsFirstOutcomeAndAnotherUnderItsIdIsAConflict() {
    RunView run = ok(submit("c-1", "fix the build"));

    Outcome<RunView> again = submit("c-1", "fix the build");

    assertThat(again.replayed()).isTrue();
    assertThat(ok(again)).isEqualTo(run);
    refused(submit("c-1", "something else"), Refusal.Conflict.class);
    assertThat(team.poolView("bob").heldCredits()).isEqualTo(run.heldCredits());
  }

  @Test
  void aRefusalIsKeptTooSoTheCommandAgainChangesNothing() {
    RunView run = ok(submit("c-1", "fix the build"));
    RunCommand complete = new RunCommand(INTEGRATION, new RunId(run.taskId()));
    billing.app.cancelRun().cancel(new RunCommand(team.key("bob"), new RunId(run.taskId())));

    Outcome<RunView> first = commands.complete(id("c-2"), complete);
    Outcome<RunView> again = commands.complete(id("c-2"), complete);

    refused(first, Refusal.InvalidRequest.class);
    assertThat(again.replayed()).isTrue();
    assertThat(again).isEqualTo(first.asReplay());
  }

  @Test
  void reportsChargedTogetherAreAnsweredAsEachAloneAndReplayedAlone() {
    RunView run = ok(submit("c-1", "fix the build"));

    List<Outcome<RunView>> batch =
        commands.reportAll(
            List.of(
                new KeyedReport(id("u-1"), usage(run, "use-1", 3)),
                new KeyedReport(id("u-2"), usage(run, "use-2", 4))));
    Outcome<RunView> alone = commands.report(id("u-2"), usage(run, "use-2", 4));

    assertThat(ok(batch.get(1)).chargedCredits()).isEqualTo(7);
    assertThat(alone.replayed()).isTrue();
    assertThat(ok(alone)).isEqualTo(ok(batch.get(1)));
  }

  @Test
  void aBatchMayNotCarryTheSameCommandIdTwice() {
    RunView run = ok(submit("c-1", "fix the build"));

    assertThatThrownBy(() ->
            commands.reportAll(
                List.of(
                    new KeyedReport(id("u-1"), usage(run, "use-1", 3)),
                    new KeyedReport(id("u-1"), usage(run, "use-2", 4)))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
