package dev.agentcredits.usecase;

import static dev.agentcredits.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.usecase.BillingFixture.ok;
import static dev.agentcredits.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.ErrorCode;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The operator's test clock and payment simulation. */
class OperationsTest extends UseCaseTest {

  @Test
  void onlyTheOperatorMovesTheClockAndOnlyForward() {
    TestTeam team = billing.aBuildTeam().build();

    assertThat(ok(billing.app.operations().advanceClock(OPERATOR, 3_600)))
        .isEqualTo(BillingFixture.START.plus(Duration.ofHours(1)));
    refused(billing.app.operations().advanceClock(team.key("owner"), 60), ErrorCode.NOT_AUTHORIZED);
    refused(billing.app.operations().advanceClock(OPERATOR, -1), ErrorCode.INVALID_REQUEST);
    assertThat(billing.clock.instant()).isEqualTo(BillingFixture.START.plus(Duration.ofHours(1)));
  }

  @Test
  void onlyTheOperatorMakesATeamsPaymentsDecline() {
    TestTeam team = billing.aBuildTeam().build();

    refused(
        billing.app.operations().setPaymentsDeclined(team.key("owner"), team.id, true),
        ErrorCode.NOT_AUTHORIZED);
    refused(
        billing.app.operations().setPaymentsDeclined(OPERATOR, new TeamId("nope"), true),
        ErrorCode.RESOURCE_NOT_FOUND);
    ok(billing.app.operations().setPaymentsDeclined(OPERATOR, team.id, true));

    refused(team.buy(team.key("owner"), "owner", 400), ErrorCode.PAYMENT_FAILED);
  }
}
