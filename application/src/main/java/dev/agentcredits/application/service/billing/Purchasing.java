package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentGateway.PaymentResult;
import dev.agentcredits.application.port.out.PaymentMethodStore;
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
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The second half of every purchase: pay, then apply the payment's answer. A purchase's spend was
 * reserved under the cap when it was created; the gateway is called with no lock held; the answer
 * credits the lot, gives the spend back, or leaves the purchase PENDING (processing, or no answer)
 * for a webhook or the time-keeping job, which asks the provider and never charges again.
 */
public final class Purchasing {
  private final TeamStore teams;
  private final PoolStore pools;
  private final BatchWriter batches;
  private final SpendStore spending;
  private final PurchaseStore purchases;
  private final EventOutbox outbox;
  private final TransactionRunner tx;
  private final PaymentGateway gateway;
  private final PaymentMethodStore paymentMethods;
  private final BillingTerms terms;
  private final Clock clock;

  public Purchasing(
      TeamStore teams,
      PoolStore pools,
      BatchWriter batches,
      SpendStore spending,
      PurchaseStore purchases,
      EventOutbox outbox,
      TransactionRunner tx,
      PaymentGateway gateway,
      PaymentMethodStore paymentMethods,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.batches = batches;
    this.spending = spending;
    this.purchases = purchases;
    this.outbox = outbox;
    this.tx = tx;
    this.gateway = gateway;
    this.paymentMethods = paymentMethods;
    this.terms = terms;
    this.clock = clock;
  }

  /** A purchase after its payment was asked for, with the provider's answer. */
  public record Paid(Purchase purchase, PaymentResult answer) {}

  /** Charges a PENDING purchase once, then applies the answer. */
  public Paid pay(Purchase pending) {
    Optional<PaymentMethod> card = tx.inTransaction(() -> paymentMethods.find(pending.team()));
    PaymentResult result = gateway.charge(pending, card);
    return new Paid(tx.inTransaction(() -> apply(pending.id(), result, true)), result);
  }

  /**
   * Settles a purchase left PENDING (processing, or no answer) by asking the provider what became
   * of its payment; never charges again.
   */
  public Paid settle(Purchase pending) {
    Optional<PaymentMethod> card = tx.inTransaction(() -> paymentMethods.find(pending.team()));
    PaymentResult result = gateway.status(pending, card);
    return new Paid(tx.inTransaction(() -> apply(pending.id(), result, false)), result);
  }

  /**
   * Applies the provider's answer inside the caller's transaction. Only a PENDING purchase changes:
   * an answer that comes twice (a webhook and the charge's own reply) is applied once.
   */
  Purchase apply(PurchaseId id, PaymentResult result, boolean firstAnswer) {
    Purchase purchase = purchases.lock(id).orElseThrow();
    if (purchase.state() != PurchaseState.PENDING) {
      return purchase;
    }
    Instant now = clock.instant();
    return switch (result) {
      case PaymentResult.Approved approved ->
          credit(purchase.withPaymentReference(approved.reference()));
      case PaymentResult.Declined declined ->
          decline(purchase.withPaymentReference(declined.reference()), declined);
      case PaymentResult.Processing processing -> {
        Purchase known = purchase.withPaymentReference(processing.reference());
        purchases.update(known);
        if (firstAnswer) {
          outbox.append(java.util.List.of(BillingEvents.purchasePending(known, now)));
        }
        yield known;
      }
      case PaymentResult.Unknown unknown -> {
        Purchase known = purchase.withPaymentReference(unknown.reference());
        purchases.update(known);
        if (firstAnswer) {
          outbox.append(java.util.List.of(BillingEvents.purchasePending(known, now)));
        }
        yield known;
      }
    };
  }

  private Purchase credit(Purchase purchase) {
    Team team = teams.find(purchase.team()).orElseThrow();
    PoolChanges changes = new PoolChanges(pools, batches, terms, clock.instant());
    Pool pool = changes.lockCurrent(purchase.pool(), team.plan());
    CreditSource lot =
        new CreditSource(
            new SourceId(purchase.id().value()),
            SourceKind.ADD_ON,
            purchase.credits().value(),
            0,
            purchase.createdAt(),
            purchase.expiresAt());
    pool = changes.apply(pool.credit(lot, purchase.id().value(), changes.now()));
    Purchase done = purchase.withState(PurchaseState.SUCCEEDED);
    changes.raise(BillingEvents.purchased(done, changes.now()));
    finish(changes, pool, done);
    return done;
  }

  private Purchase decline(Purchase purchase, PaymentResult.Declined declined) {
    Team team = teams.find(purchase.team()).orElseThrow();
    PoolChanges changes = new PoolChanges(pools, batches, terms, clock.instant());
    Pool pool = changes.lockCurrent(purchase.pool(), team.plan());
    var spend = spending.lock(purchase.team(), purchase.spendMonth());
    spending.update(spend.refund(purchase.price()));
    Purchase done = purchase.withState(PurchaseState.DECLINED);
    changes.raise(
        BillingEvents.purchaseFailed(done, declined.code(), declined.reason(), changes.now()));
    if (purchase.kind() == PurchaseKind.AUTO_RELOAD) {
      pool = pool.withAutoReload(pool.autoReload().turnedOffAfter(ReloadFailure.PAYMENT_DECLINED));
      changes.raise(
          BillingEvents.reloadFailed(pool, ReloadFailure.PAYMENT_DECLINED, changes.now()));
    }
    finish(changes, pool, done);
    return done;
  }

  private void finish(PoolChanges changes, Pool pool, Purchase done) {
    if (done.id().equals(pool.reloadInFlight())) {
      pool = pool.withReloadInFlight(null);
    }
    changes.replace(pool);
    changes.flush();
    purchases.update(done);
  }
}
