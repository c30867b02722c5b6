package dev.agentcredits.adapter.payments;

import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentSimulation;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A payment gateway for tests and demos: approves everything except for teams told to decline, and
 * like a real gateway answers a purchase id the same way every time it is asked. Its state lives in
 * this process only.
 */
public final class SimulatedPaymentGateway implements PaymentGateway, PaymentSimulation {
  private final Set<TeamId> declining = ConcurrentHashMap.newKeySet();
  private final Map<PurchaseId, PaymentResult> answers = new ConcurrentHashMap<>();

  @Override
  public PaymentResult charge(PurchaseId purchase, TeamId team, Money amount) {
    return answers.computeIfAbsent(
        purchase,
        id ->
            declining.contains(team)
                ? new PaymentResult.Declined("card_declined (simulated)")
                : new PaymentResult.Approved("sim_" + id.value()));
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
