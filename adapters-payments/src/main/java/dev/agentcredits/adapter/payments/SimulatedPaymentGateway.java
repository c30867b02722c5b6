package dev.agentcredits.adapter.payments;

import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentSimulation;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A payment gateway for tests and demos: approves everything except for teams told to decline, and
 * like a real gateway answers a purchase id the same way every time it is asked. It needs no card
 * on file, shows no card details, and sends no webhooks. Its state lives in this process only.
 */
public final class SimulatedPaymentGateway implements PaymentGateway, PaymentSimulation {
  private final Set<TeamId> declining = ConcurrentHashMap.newKeySet();
  private final Map<PurchaseId, PaymentResult> answers = new ConcurrentHashMap<>();

  @Override
  public PaymentResult charge(Purchase purchase, Optional<PaymentMethod> card) {
    return answers.computeIfAbsent(
        purchase.id(),
        id ->
            declining.contains(purchase.team())
                ? new PaymentResult.Declined(
                    "card_declined", "the card was declined (simulated)", null)
                : new PaymentResult.Approved("sim_" + id.value()));
  }

  /** A purchase interrupted before it was charged is charged now: this gateway has no network. */
  @Override
  public PaymentResult status(Purchase purchase, Optional<PaymentMethod> card) {
    return charge(purchase, card);
  }

  @Override
  public RefundResult refund(Purchase purchase) {
    return new RefundResult.Refunded("sim_refund_" + purchase.id().value());
  }

  @Override
  public CardLookup lookUp(PaymentMethod method) {
    return new CardLookup.Found(method);
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
