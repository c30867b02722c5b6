package dev.agentcredits.application.testing;

import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentSimulation;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A payment gateway double: approves unless the team was told to decline, and like a real gateway
 * gives a purchase the same answer every time it is asked.
 */
public final class TestPayments implements PaymentGateway, PaymentSimulation {
  private final Set<TeamId> declining = ConcurrentHashMap.newKeySet();
  private final Map<PurchaseId, PaymentResult> answers = new ConcurrentHashMap<>();

  @Override
  public PaymentResult charge(PurchaseId purchase, TeamId team, Money amount) {
    return answers.computeIfAbsent(
        purchase,
        id ->
            declining.contains(team)
                ? new PaymentResult.Declined("card_declined (test)")
                : new PaymentResult.Approved("test_" + id.value()));
  }

  @Override
  public void setDeclined(TeamId team, boolean declined) {
    if (declined) {
      declining.add(team);
    } else {
      declining.remove(team);
    }
  }
}
