package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentGateway.PaymentResult;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;

/**
 * The second half of every purchase: pay, then apply the payment's answer. A purchase's spend was
 * reserved under the cap when it was created; the gateway is called with no lock held; the answer
 * credits the lot, or gives the spend back. Interrupted purchases are finished the same way by the
 * time-keeping job, which is safe because the gateway answers a purchase id once.
 */
public final class Purchasing {
  private final TeamStore teams;
  private final PoolStore pools;
  private final LedgerStore ledger;
  private final SpendStore spending;
  private final PurchaseStore purchases;
  private final EventOutbox outbox;
  private final TransactionRunner tx;
  private final PaymentGateway gateway;
  private final BillingTerms terms;
  private final Clock clock;

  public Purchasing(
      TeamStore teams,
      PoolStore pools,
      LedgerStore ledger,
      SpendStore spending,
      PurchaseStore purchases,
      EventOutbox outbox,
      TransactionRunner tx,
      PaymentGateway gateway,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.ledger = ledger;
    this.spending = spending;
    this.purchases = purchases;
    this.outbox = outbox;
    this.tx = tx;
    this.gateway = gateway;
    this.terms = terms;
    this.clock = clock;
  }

  public Purchase pay(Purchase pending) {
    PaymentResult result = gateway.charge(pending.id(), pending.team(), pending.price());
    return tx.inTransaction(() -> apply(pending, result));
  }

  private Purchase apply(Purchase pending, PaymentResult result) {
    Purchase purchase = purchases.lock(pending.id()).orElseThrow();
    if (purchase.state() != PurchaseState.PENDING) {
      return purchase;
    }
    Team team = teams.find(purchase.team()).orElseThrow();
    PoolChanges changes = new PoolChanges(pools, ledger, outbox, terms, clock.instant());
    Pool pool = changes.lockCurrent(purchase.pool(), team.plan());
    Purchase done;
    if (result instanceof PaymentResult.Approved) {
      CreditSource lot =
          new CreditSource(
              new SourceId(purchase.id().value()),
              SourceKind.ADD_ON,
              purchase.credits().value(),
              0,
              purchase.createdAt(),
              purchase.expiresAt());
      pool = changes.apply(pool.credit(lot, purchase.id().value(), changes.now()));
      done = purchase.withState(PurchaseState.SUCCEEDED);
      changes.raise(BillingEvents.purchased(done, changes.now()));
    } else {
      var spend = spending.lock(purchase.team(), purchase.spendMonth());
      spending.update(spend.refund(purchase.price()));
      done = purchase.withState(PurchaseState.DECLINED);
      if (purchase.kind() == PurchaseKind.AUTO_RELOAD) {
        pool =
            pool.withAutoReload(pool.autoReload().turnedOffAfter(ReloadFailure.PAYMENT_DECLINED));
        changes.raise(
            BillingEvents.reloadFailed(pool, ReloadFailure.PAYMENT_DECLINED, changes.now()));
      }
    }
    if (purchase.id().equals(pool.reloadInFlight())) {
      pool = pool.withReloadInFlight(null);
    }
    changes.replace(pool);
    changes.flush();
    purchases.update(done);
    return done;
  }
}
