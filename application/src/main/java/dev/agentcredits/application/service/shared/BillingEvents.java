package dev.agentcredits.application.service.shared;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.BalanceEvents;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunEvents;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;

/** The events the use cases raise, each with what it says in billing terms. */
public final class BillingEvents {
  private BillingEvents() {}

  public static DomainEvent run(EventType type, Run run, Instant at) {
    return RunEvents.changed(type, run, at);
  }

  public static DomainEvent rejected(Run run, AutoReloadState autoReload, Instant at) {
    return RunEvents.rejected(run, autoReload, at);
  }

  /** credits.low when a change crosses the threshold, credits.depleted when it reaches zero. */
  public static List<DomainEvent> balanceCrossings(Pool before, Pool after, Instant at) {
    return BalanceEvents.crossings(before, after, at);
  }

  public static DomainEvent purchased(Purchase purchase, Instant at) {
    var data =
        new EventData.AddOnPurchased(
            purchase.id(),
            purchase.pool(),
            purchase.kind(),
            purchase.credits(),
            purchase.price(),
            purchase.expiresAt());
    return new DomainEvent(
        EventType.ADD_ON_PURCHASED, purchase.team(), purchase.pool().value(), at, data);
  }

  /** The payment was accepted and is processing, or its answer is not known yet. */
  public static DomainEvent purchasePending(Purchase purchase, Instant at) {
    return purchaseEvent(EventType.PURCHASE_PENDING, purchase, purchase.credits().value(), at);
  }

  /** The payment was declined: nothing was bought and the price no longer counts. */
  public static DomainEvent purchaseFailed(
      Purchase purchase, String code, String reason, Instant at) {
    var data =
        new EventData.PurchaseChanged(
            purchase.id(),
            purchase.pool(),
            purchase.kind(),
            purchase.credits().value(),
            purchase.price(),
            code,
            reason);
    return new DomainEvent(
        EventType.PURCHASE_FAILED, purchase.team(), purchase.pool().value(), at, data);
  }

  /** The payment was refunded and {@code credits} left the pool (rule 20). */
  public static DomainEvent purchaseRefunded(Purchase purchase, long credits, Instant at) {
    return purchaseEvent(EventType.PURCHASE_REFUNDED, purchase, credits, at);
  }

  /** The card holder disputed the payment: what was left of the lot ({@code credits}) is frozen. */
  public static DomainEvent purchaseDisputed(Purchase purchase, long credits, Instant at) {
    return purchaseEvent(EventType.PURCHASE_DISPUTED, purchase, credits, at);
  }

  private static DomainEvent purchaseEvent(
      EventType type, Purchase purchase, long credits, Instant at) {
    var data =
        new EventData.PurchaseChanged(
            purchase.id(), purchase.pool(), purchase.kind(), credits, purchase.price(), null, null);
    return new DomainEvent(type, purchase.team(), purchase.pool().value(), at, data);
  }

  public static DomainEvent reloadFailed(Pool pool, ReloadFailure reason, Instant at) {
    var data = new EventData.AutoReloadFailed(pool.id(), reason.code());
    return new DomainEvent(EventType.AUTO_RELOAD_FAILED, pool.team(), pool.id().value(), at, data);
  }

  public static DomainEvent capChanged(
      TeamId team, Money from, Money to, Money monthToDate, Instant at) {
    var data = new EventData.SpendCapChanged(from, to, monthToDate);
    return new DomainEvent(EventType.SPEND_CAP_CHANGED, team, team.value(), at, data);
  }

  public static DomainEvent grantIssued(
      Pool pool, String grantId, long credits, Instant expiresAt, Instant at) {
    var data = new EventData.GrantIssued(grantId, pool.id(), credits, expiresAt);
    return new DomainEvent(EventType.GRANT_ISSUED, pool.team(), pool.id().value(), at, data);
  }
}
