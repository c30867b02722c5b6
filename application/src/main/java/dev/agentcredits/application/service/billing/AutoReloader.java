package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.spend.AutoReloadPolicy;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.spend.ReloadDecision;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;

/** Buys one denomination for a pool when its rules allow (DOMAIN.md rules 6 and 17). */
public final class AutoReloader {
  private final TeamStore teams;
  private final PoolBook book;
  private final PurchaseOrders orders;
  private final TransactionRunner tx;
  private final Purchasing purchasing;
  private final BillingTerms terms;

  public AutoReloader(
      TeamStore teams,
      PoolBook book,
      PurchaseOrders orders,
      TransactionRunner tx,
      Purchasing purchasing,
      BillingTerms terms) {
    this.teams = teams;
    this.book = book;
    this.orders = orders;
    this.tx = tx;
    this.purchasing = purchasing;
    this.terms = terms;
  }

  public sealed interface Result {
    /** The pool has what the need called for: bought now, or by another reload meanwhile. */
    record Bought() implements Result {}

    record Refused(ReloadFailure reason) implements Result {}

    record InFlight() implements Result {}
  }

  /**
   * One reload attempt, for a hold or charge that could not be funded or for a top-up at or below
   * the threshold. A reload the cap stops is reported as an event either way (rule 17).
   */
  public Result reload(PoolId poolId) {
    Start started = tx.inTransaction(() -> start(poolId));
    if (!(started instanceof Start.Pending(Purchase pending))) {
      return ((Start.Finished) started).result();
    }
    Purchase paid = purchasing.pay(pending).purchase();
    return switch (paid.state()) {
      case SUCCEEDED -> new Result.Bought();
      // Processing or no answer yet: the reload stays in flight until the provider says (rule 17).
      case PENDING -> new Result.InFlight();
      default -> new Result.Refused(ReloadFailure.PAYMENT_DECLINED);
    };
  }

  private sealed interface Start {
    record Pending(Purchase purchase) implements Start {}

    record Finished(Result result) implements Start {}
  }

  /** Reserves the spend and marks the reload in flight, or says why there is nothing to pay. */
  private Start start(PoolId poolId) {
    PoolChanges changes = book.open();
    Pool unlocked = changes.find(poolId).orElseThrow();
    Team team = teams.find(unlocked.team()).orElseThrow();
    Pool pool = changes.lockCurrent(poolId, team.plan());
    if (!stillNeeded(pool)) {
      // Another reload landed since this one was asked for: one need, one reload (rule 17).
      changes.flush();
      return new Start.Finished(new Result.Bought());
    }
    MonthlySpend spend = orders.lockMonth(team.id(), changes.now());
    Money cap = orders.capAsLocked(team);
    ReloadDecision decision =
        AutoReloadPolicy.decide(pool, team.plan(), cap, spend, terms.priceList());
    Start result =
        switch (decision) {
          case ReloadDecision.AlreadyInFlight a -> new Start.Finished(new Result.InFlight());
          case ReloadDecision.Refuse r -> {
            if (r.reason() == ReloadFailure.SPEND_CAP_REACHED) {
              changes.raise(BillingEvents.reloadFailed(pool, r.reason(), changes.now()));
            }
            yield new Start.Finished(new Result.Refused(r.reason()));
          }
          case ReloadDecision.Buy buy -> {
            var order =
                new PurchaseOrders.Order(
                    pool.id(), buy.price(), PurchaseKind.AUTO_RELOAD, null, null);
            Purchase purchase = orders.place(spend, cap, order, changes);
            changes.replace(pool.withReloadInFlight(purchase.id()));
            yield new Start.Pending(purchase);
          }
        };
    changes.flush();
    return result;
  }

  /**
   * Whether the pool, as it is now, still needs a reload: at or below its threshold, or unable to
   * fund a start hold (arrears included). A reload is asked for outside the pool's lock, so by the
   * time it runs another request's reload may have met the need already.
   */
  private boolean stillNeeded(Pool pool) {
    return AutoReloadPolicy.isAtOrBelowThreshold(pool)
        || pool.available() < terms.startHold().value();
  }
}
