package dev.agentcredits.adapter.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.PaymentGateway.PaymentResult;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedPaymentGatewayTest {
  private static final TeamId TEAM = new TeamId("team_a");
  private static final TeamId OTHER_TEAM = new TeamId("team_b");

  private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();

  @Test
  void approves_a_charge_with_a_reference_derived_from_the_purchase() {
    PaymentResult result = gateway.charge(purchase("pur_1", TEAM), Optional.empty());

    assertThat(result).isEqualTo(new PaymentResult.Approved("sim_pur_1"));
  }

  @Test
  void declines_only_the_teams_told_to_decline() {
    gateway.setDeclined(TEAM, true);

    assertThat(gateway.charge(purchase("pur_1", TEAM), Optional.empty()))
        .isInstanceOf(PaymentResult.Declined.class);
    assertThat(gateway.charge(purchase("pur_2", OTHER_TEAM), Optional.empty()))
        .isInstanceOf(PaymentResult.Approved.class);
  }

  @Test
  void a_team_no_longer_declining_is_approved_again() {
    gateway.setDeclined(TEAM, true);
    gateway.setDeclined(TEAM, false);

    assertThat(gateway.charge(purchase("pur_1", TEAM), Optional.empty()))
        .isInstanceOf(PaymentResult.Approved.class);
  }

  @Test
  void answers_a_purchase_asked_again_as_the_first_time() {
    PaymentResult first = gateway.charge(purchase("pur_1", TEAM), Optional.empty());
    gateway.setDeclined(TEAM, true);

    assertThat(gateway.charge(purchase("pur_1", TEAM), Optional.empty())).isEqualTo(first);
  }

  private static Purchase purchase(String id, TeamId team) {
    Instant at = Instant.parse("2031-03-05T12:00:00Z");
    return new Purchase(
        new PurchaseId(id),
        team,
        new PoolId("m:mem_1"),
        Credits.of(400),
        Money.dollars(10),
        PurchaseKind.MANUAL,
        PurchaseState.PENDING,
        null,
        YearMonth.of(2031, 3),
        at,
        at.plusSeconds(86_400));
  }
}
