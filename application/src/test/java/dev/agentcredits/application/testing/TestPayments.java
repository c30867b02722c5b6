package dev.agentcredits.application.testing;

import dev.agentcredits.application.port.out.PaymentEvents;
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
 * A payment gateway double: approves unless the team was told to decline, and like a real gateway
 * gives a purchase the same answer every time it is asked. Tests may queue a different answer
 * (processing, unknown) for the next charge, and count the charges made.
 */
public final class TestPayments implements PaymentGateway, PaymentSimulation, PaymentEvents {
  private final Set<TeamId> declining = ConcurrentHashMap.newKeySet();
  private final Map<PurchaseId, PaymentResult> answers = new ConcurrentHashMap<>();

  private final java.util.Deque<PaymentResult> queued =
      new java.util.concurrent.ConcurrentLinkedDeque<>();
  private final java.util.concurrent.atomic.AtomicInteger charges =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile PaymentResult settleWith;

  /** The next charge answers {@code result} instead of approving (it is not remembered). */
  public void answerNext(PaymentResult result) {
    queued.add(result);
  }

  /** What {@link #status} answers for a purchase left pending, from now on. */
  public void settleWith(PaymentResult result) {
    this.settleWith = result;
  }

  /** How many times {@link #charge} was called. */
  public int charges() {
    return charges.get();
  }

  @Override
  public PaymentResult charge(Purchase purchase, Optional<PaymentMethod> card) {
    charges.incrementAndGet();
    PaymentResult next = queued.poll();
    if (next != null) {
      return next;
    }
    return answer(purchase);
  }

  private PaymentResult answer(Purchase purchase) {
    return answers.computeIfAbsent(
        purchase.id(),
        id ->
            declining.contains(purchase.team())
                ? new PaymentResult.Declined("card_declined", "the card was declined (test)", null)
                : new PaymentResult.Approved("test_" + id.value()));
  }

  @Override
  public PaymentResult status(Purchase purchase, Optional<PaymentMethod> card) {
    return settleWith != null ? settleWith : answer(purchase);
  }

  @Override
  public RefundResult refund(Purchase purchase) {
    return new RefundResult.Refunded("test_refund_" + purchase.id().value());
  }

  @Override
  public CardLookup lookUp(PaymentMethod method) {
    return new CardLookup.Found(method);
  }

  /** Reads "event_id kind purchase_id" with the signature "valid": a stand-in for the provider. */
  @Override
  public Notification read(String payload, String signature) {
    if (!"valid".equals(signature)) {
      return new Notification.BadSignature("not signed");
    }
    String[] parts = payload.split(" ");
    return new Notification.About(parts[0], Kind.valueOf(parts[1]), parts[2], null, "declined");
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
