package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.INTEGRATION;
import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.in.AddMemberCommand;
import dev.agentcredits.application.port.in.ConfigureAutoReloadCommand;
import dev.agentcredits.application.port.in.GrantContractCreditsCommand;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.PurchaseAddOnCommand;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import dev.agentcredits.domain.team.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands check themselves: a malformed request never reaches a use case (invalid_request). */
class CommandsTest {
  private static final TeamId TEAM = new TeamId("team-1");
  private static final RunId RUN = new RunId("task-1");

  @ParameterizedTest
  @ValueSource(longs = {0, -1, ReportUsageCommand.MAX_CREDITS_PER_REPORT + 1})
  void usageIsAWholeNumberOfCreditsFromOne(long credits) {
    assertThatThrownBy(() -> new ReportUsageCommand(OPERATOR, RUN, new UsageId("u"), credits))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void usageNeedsItsRunAndItsUsageId() {
    assertThatThrownBy(() -> new ReportUsageCommand(OPERATOR, RUN, null, 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ReportUsageCommand(OPERATOR, null, new UsageId("u"), 1))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aRunNeedsAPromptOfAtMost100000Characters() {
    assertThatThrownBy(() -> new SubmitRunCommand(OPERATOR, null, null, null, null, " ", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new SubmitRunCommand(OPERATOR, null, null, null, null, "x".repeat(100_001), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIntegrationNamesTheTeamTheTriggerAndForUserRunsTheMember() {
    assertThatThrownBy(
            () -> new SubmitRunCommand(INTEGRATION, null, Trigger.USER, null, null, "p", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new SubmitRunCommand(INTEGRATION, TEAM, Trigger.USER, null, null, "p", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new SubmitRunCommand(INTEGRATION, TEAM, Trigger.SCHEDULED, null, null, "p", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void idempotencyKeysArePrintableAscii() {
    assertThatThrownBy(() ->
            new PurchaseAddOnCommand(OPERATOR, new PoolRef(TEAM, null), Credits.of(400), "a b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new SubmitRunCommand(OPERATOR, null, null, null, null, "p", "x".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTeamHasExactlyOneOwner() {
    assertThatThrownBy(() -> new AddMemberCommand(OPERATOR, TEAM, "a@b.example", Role.OWNER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void grantsAndThresholdsAreBounded() {
    assertThatThrownBy(
            () -> new GrantContractCreditsCommand(OPERATOR, TEAM, Credits.ZERO, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new ConfigureAutoReloadCommand(
                OPERATOR,
                new PoolRef(TEAM, null),
                true,
                Credits.of(400),
                Credits.of(ConfigureAutoReloadCommand.MAX_THRESHOLD + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
