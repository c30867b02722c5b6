package dev.agentcredits.application.service.shared;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.ChargeOutcome;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The events the use cases raise, with the data each carries. */
public final class BillingEvents {
  private BillingEvents() {}

  public static DomainEvent run(EventType type, Run run, Instant at) {
    return runBuilder(type, run, at).build();
  }

  public static DomainEvent.Builder runBuilder(EventType type, Run run, Instant at) {
    return DomainEvent.of(type, run.team(), run.id().value(), at)
        .with("task_id", run.id().value())
        .with("state", run.state().name())
        .with("trigger", run.trigger().name())
        .with("pool_id", run.billedPool().poolId().value())
        .with("held_credits", run.hold().total())
        .with("charged_credits", run.charged())
        .with("error_code", run.failure() == null ? null : run.failure().code());
  }

  public static DomainEvent rejected(Run run, String reason, Instant at) {
    return DomainEvent.of(EventType.RUN_REJECTED, run.team(), run.id().value(), at)
        .with("task_id", run.id().value())
        .with("trigger", run.trigger().name())
        .with("pool_id", run.billedPool().poolId().value())
        .with("error_code", "insufficient_credits")
        .with("reason", reason)
        .build();
  }

  public static DomainEvent usageCharged(Run run, UsageId usage, ChargeOutcome charge, Instant at) {
    return DomainEvent.of(EventType.USAGE_CHARGED, run.team(), run.id().value(), at)
        .with("task_id", run.id().value())
        .with("usage_id", usage.value())
        .with("credits", charge.total())
        .with("from_hold", charge.fromHold())
        .with("from_pool", charge.fromWaterfall())
        .with("arrears", charge.uncovered())
        .build();
  }

  /** credits.low when a change crosses the threshold, credits.depleted when it reaches zero. */
  public static List<DomainEvent> balanceCrossings(Pool before, Pool after, Instant at) {
    List<DomainEvent> events = new ArrayList<>();
    long threshold = after.autoReload().threshold().value();
    if (before.available() > threshold && after.available() <= threshold && after.available() > 0) {
      events.add(balance(EventType.CREDITS_LOW, after, at));
    }
    if (before.available() > 0 && after.available() <= 0) {
      events.add(balance(EventType.CREDITS_DEPLETED, after, at));
    }
    return events;
  }

  public static DomainEvent purchased(Purchase purchase, Instant at) {
    return DomainEvent.of(EventType.ADD_ON_PURCHASED, purchase.team(), purchase.pool().value(), at)
        .with("purchase_id", purchase.id().value())
        .with("pool_id", purchase.pool().value())
        .with(
            "kind",
            purchase.kind() == dev.agentcredits.domain.purchase.PurchaseKind.MANUAL
                ? "manual"
                : "auto")
        .with("credits", purchase.credits().value())
        .with("price_cents", purchase.price().cents())
        .with("expires_at", purchase.expiresAt().toString())
        .build();
  }

  /** The payment was accepted and is processing, or its answer is not known yet. */
  public static DomainEvent purchasePending(Purchase purchase, Instant at) {
    return DomainEvent.of(EventType.PURCHASE_PENDING, purchase.team(), purchase.pool().value(), at)
        .with("purchase_id", purchase.id().value())
        .with("pool_id", purchase.pool().value())
        .with("kind", kindOf(purchase))
        .with("credits", purchase.credits().value())
        .with("price_cents", purchase.price().cents())
        .build();
  }

  /** The payment was declined: nothing was bought and the price no longer counts. */
  public static DomainEvent purchaseFailed(
      Purchase purchase, String code, String reason, Instant at) {
    return DomainEvent.of(EventType.PURCHASE_FAILED, purchase.team(), purchase.pool().value(), at)
        .with("purchase_id", purchase.id().value())
        .with("pool_id", purchase.pool().value())
        .with("kind", kindOf(purchase))
        .with("credits", purchase.credits().value())
        .with("price_cents", purchase.price().cents())
        .with("decline_code", code)
        .with("reason", reason)
        .build();
  }

  /** The payment was refunded and {@code credits} left the pool (rule 20). */
  public static DomainEvent purchaseRefunded(Purchase purchase, long credits, Instant at) {
    return DomainEvent.of(EventType.PURCHASE_REFUNDED, purchase.team(), purchase.pool().value(), at)
        .with("purchase_id", purchase.id().value())
        .with("pool_id", purchase.pool().value())
        .with("kind", kindOf(purchase))
        .with("credits", credits)
        .with("price_cents", purchase.price().cents())
        .build();
  }

  /** The card holder disputed the payment: what was left of the lot ({@code credits}) is frozen. */
  public static DomainEvent purchaseDisputed(Purchase purchase, long credits, Instant at) {
    return DomainEvent.of(EventType.PURCHASE_DISPUTED, purchase.team(), purchase.pool().value(), at)
        .with("purchase_id", purchase.id().value())
        .with("pool_id", purchase.pool().value())
        .with("kind", kindOf(purchase))
        .with("frozen_credits", credits)
        .with("price_cents", purchase.price().cents())
        .build();
  }

  private static String kindOf(Purchase purchase) {
    return purchase.kind() == dev.agentcredits.domain.purchase.PurchaseKind.MANUAL
        ? "manual"
        : "auto";
  }

  public static DomainEvent reloadFailed(Pool pool, ReloadFailure reason, Instant at) {
    return DomainEvent.of(EventType.AUTO_RELOAD_FAILED, pool.team(), pool.id().value(), at)
        .with("pool_id", pool.id().value())
        .with("reason", reason.code())
        .build();
  }

  public static DomainEvent capChanged(
      TeamId team, Money from, Money to, Money monthToDate, Instant at) {
    return DomainEvent.of(EventType.SPEND_CAP_CHANGED, team, team.value(), at)
        .with("previous_limit_cents", from.cents())
        .with("monthly_limit_cents", to.cents())
        .with("month_to_date_spend_cents", monthToDate.cents())
        .build();
  }

  public static DomainEvent grantIssued(
      Pool pool, String grantId, long credits, Instant expiresAt, Instant at) {
    return DomainEvent.of(EventType.GRANT_ISSUED, pool.team(), pool.id().value(), at)
        .with("grant_id", grantId)
        .with("pool_id", pool.id().value())
        .with("credits", credits)
        .with("expires_at", expiresAt.toString())
        .build();
  }

  private static DomainEvent balance(EventType type, Pool pool, Instant at) {
    return DomainEvent.of(type, pool.team(), pool.id().value(), at)
        .with("pool_id", pool.id().value())
        .with("member_id", pool.member() == null ? null : pool.member().value())
        .with("available_credits", pool.available())
        .with("threshold_credits", pool.autoReload().threshold().value())
        .with("auto_reload", pool.autoReload().enabled() ? "on" : "off")
        .with("kind", type.routingKey().substring("credits.".length()).toUpperCase(Locale.ROOT))
        .build();
  }
}
