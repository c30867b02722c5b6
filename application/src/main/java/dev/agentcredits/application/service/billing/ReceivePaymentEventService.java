package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.ReceivePaymentEventUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PaymentEventStore;
import dev.agentcredits.application.port.out.PaymentEvents;
import dev.agentcredits.application.port.out.PaymentEvents.Notification;
import dev.agentcredits.application.port.out.PaymentGateway.PaymentResult;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.Optional;

/**
 * The provider's webhooks. The event id is claimed in the same transaction that applies it, so two
 * instances receiving one event (or the provider sending it again) apply it exactly once.
 */
public final class ReceivePaymentEventService implements ReceivePaymentEventUseCase {
  private final TeamStore teams;
  private final PoolStore pools;
  private final BatchWriter batches;
  private final PurchaseStore purchases;
  private final PaymentEventStore handled;
  private final TransactionRunner tx;
  private final PaymentEvents events;
  private final Purchasing purchasing;
  private final LotWithdrawal withdrawal;
  private final BillingTerms terms;
  private final Clock clock;

  public ReceivePaymentEventService(
      TeamStore teams,
      PoolStore pools,
      BatchWriter batches,
      SpendStore spending,
      PurchaseStore purchases,
      PaymentEventStore handled,
      TransactionRunner tx,
      PaymentEvents events,
      Purchasing purchasing,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.batches = batches;
    this.purchases = purchases;
    this.handled = handled;
    this.tx = tx;
    this.events = events;
    this.purchasing = purchasing;
    this.withdrawal = new LotWithdrawal(spending, purchases);
    this.terms = terms;
    this.clock = clock;
  }

  @Override
  public Outcome<Handling> receive(Notification notification) {
    return switch (events.read(notification.payload(), notification.signature())) {
      case PaymentEvents.Notification.BadSignature bad ->
          Outcome.refused(
              Refusal.invalid("the webhook's signature does not verify: " + bad.reason()));
      case PaymentEvents.Notification.Ignored ignored -> Outcome.ok(Handling.IGNORED);
      case PaymentEvents.Notification.About about ->
          Outcome.ok(tx.inTransaction(() -> apply(about)));
    };
  }

  private Handling apply(PaymentEvents.Notification.About about) {
    if (!handled.claim(about.eventId(), clock.instant())) {
      return Handling.ALREADY_HANDLED;
    }
    Optional<Purchase> found = purchaseOf(about);
    if (found.isEmpty()) {
      // Not a payment this service made (another integration on the same account): nothing to do.
      return Handling.IGNORED;
    }
    PurchaseId id = found.get().id();
    String reference =
        about.paymentReference() != null
            ? about.paymentReference()
            : found.get().paymentReference() != null ? found.get().paymentReference() : id.value();
    switch (about.kind()) {
      case SUCCEEDED -> purchasing.apply(id, new PaymentResult.Approved(reference), false);
      case FAILED ->
          purchasing.apply(
              id, new PaymentResult.Declined("payment_failed", about.reason(), reference), false);
      case REFUNDED, DISPUTED -> withdraw(id, about.kind());
    }
    return Handling.HANDLED;
  }

  private void withdraw(PurchaseId id, PaymentEvents.Kind kind) {
    Purchase purchase = purchases.lock(id).orElseThrow();
    if (purchase.state() != PurchaseState.SUCCEEDED) {
      return;
    }
    Team team = teams.find(purchase.team()).orElseThrow();
    PoolChanges changes = new PoolChanges(pools, batches, terms, clock.instant());
    Pool pool = changes.lockCurrent(purchase.pool(), team.plan());
    if (kind == PaymentEvents.Kind.REFUNDED) {
      withdrawal.refund(changes, pool, purchase);
    } else {
      withdrawal.freeze(changes, pool, purchase);
    }
  }

  private Optional<Purchase> purchaseOf(PaymentEvents.Notification.About about) {
    if (about.purchaseId() != null) {
      try {
        Optional<Purchase> byId = purchases.lock(new PurchaseId(about.purchaseId()));
        if (byId.isPresent()) {
          return byId;
        }
      } catch (IllegalArgumentException notOurs) {
        // metadata that is not one of our purchase ids: fall back to the payment id
      }
    }
    return about.paymentReference() == null
        ? Optional.empty()
        : purchases.findByPaymentReference(about.paymentReference());
  }
}
