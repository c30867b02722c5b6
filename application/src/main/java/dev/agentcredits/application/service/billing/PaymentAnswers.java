package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.out.PaymentGateway.PaymentResult;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.team.Team;

/**
 * The crediting step of a purchase (rule 19): the provider's answer credits the lot, gives the
 * spend back, or leaves the purchase PENDING until the provider says more.
 */
public final class PaymentAnswers {
  private final TeamStore teams;
  private final PoolBook book;
  private final SpendStore spending;
  private final PurchaseStore purchases;

  public PaymentAnswers(
      TeamStore teams, PoolBook book, SpendStore spending, PurchaseStore purchases) {
    this.teams = teams;
    this.book = book;
    this.spending = spending;
    this.purchases = purchases;
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
    PoolChanges changes = book.open();
    return switch (result) {
      case PaymentResult.Approved approved ->
          credit(changes, purchase.withPaymentReference(approved.reference()));
      case PaymentResult.Declined declined ->
          decline(changes, purchase.withPaymentReference(declined.reference()), declined);
      case PaymentResult.Processing processing ->
          stillPending(changes, purchase.withPaymentReference(processing.reference()), firstAnswer);
      case PaymentResult.Unknown unknown ->
          stillPending(changes, purchase.withPaymentReference(unknown.reference()), firstAnswer);
    };
  }

  private Purchase stillPending(PoolChanges changes, Purchase known, boolean firstAnswer) {
    purchases.update(known);
    if (firstAnswer) {
      changes.raise(BillingEvents.purchasePending(known, changes.now()));
      changes.flush();
    }
    return known;
  }

  private Purchase credit(PoolChanges changes, Purchase purchase) {
    Team team = teams.find(purchase.team()).orElseThrow();
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

  private Purchase decline(
      PoolChanges changes, Purchase purchase, PaymentResult.Declined declined) {
    Team team = teams.find(purchase.team()).orElseThrow();
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
