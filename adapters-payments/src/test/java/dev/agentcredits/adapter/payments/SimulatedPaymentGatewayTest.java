package dev.agentcredits.adapter.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.PaymentGateway.PaymentResult;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import org.junit.jupiter.api.Test;

class SimulatedPaymentGatewayTest {
  private static final TeamId TEAM = new TeamId("team_a");
  private static final TeamId OTHER_TEAM = new TeamId("team_b");

  private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();

  @Test
  void approves_a_charge_with_a_reference_derived_from_the_purchase() {
    PaymentResult result = gateway.charge(new PurchaseId("pur_1"), TEAM, Money.dollars(10));

    assertThat(result).isEqualTo(new PaymentResult.Approved("sim_pur_1"));
  }

  @Test
  void declines_only_the_teams_told_to_decline() {
    gateway.setDeclined(TEAM, true);

    assertThat(gateway.charge(new PurchaseId("pur_1"), TEAM, Money.dollars(10)))
        .isInstanceOf(PaymentResult.Declined.class);
    assertThat(gateway.charge(new PurchaseId("pur_2"), OTHER_TEAM, Money.dollars(10)))
        .isInstanceOf(PaymentResult.Approved.class);
  }

  @Test
  void a_team_no_longer_declining_is_approved_again() {
    gateway.setDeclined(TEAM, true);
    gateway.setDeclined(TEAM, false);

    assertThat(gateway.charge(new PurchaseId("pur_1"), TEAM, Money.dollars(10)))
        .isInstanceOf(PaymentResult.Approved.class);
  }

  @Test
  void answers_a_purchase_asked_again_as_the_first_time() {
    PaymentResult first = gateway.charge(new PurchaseId("pur_1"), TEAM, Money.dollars(10));
    gateway.setDeclined(TEAM, true);

    assertThat(gateway.charge(new PurchaseId("pur_1"), TEAM, Money.dollars(10))).isEqualTo(first);
  }
}
