package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Refusal;
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
    refused(
        billing.app.operations().advanceClock(team.key("owner"), 60), Refusal.NotAuthorized.class);
    refused(billing.app.operations().advanceClock(OPERATOR, -1), Refusal.InvalidRequest.class);
    assertThat(billing.clock.instant()).isEqualTo(BillingFixture.START.plus(Duration.ofHours(1)));
  }

  @Test
  void onlyTheOperatorMakesATeamsPaymentsDecline() {
    TestTeam team = billing.aBuildTeam().build();

    refused(
        billing.app.operations().setPaymentsDeclined(team.key("owner"), team.id, true),
        Refusal.NotAuthorized.class);
    refused(
        billing.app.operations().setPaymentsDeclined(OPERATOR, new TeamId("nope"), true),
        Refusal.NotFound.class);
    ok(billing.app.operations().setPaymentsDeclined(OPERATOR, team.id, true));

    refused(team.buy(team.key("owner"), "owner", 400), Refusal.PaymentFailed.class);
  }
}
