package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.EventEncoder;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;

/**
 * Every store port kept in memory, for AGENT_CREDITS_STORE=memory and for tests: nothing is kept.
 * The outbox keeps events as {@code events} encodes them.
 */
public final class InMemoryPersistence {
  private final MemoryDatabase db = new MemoryDatabase();
  private final Stores stores;

  public InMemoryPersistence(EventEncoder events) {
    var teams = new InMemoryTeamStore(db);
    var pools = new InMemoryPoolStore(db);
    var runs = new InMemoryRunStore(db);
    var ledger = new InMemoryLedgerStore(db);
    var outbox = new InMemoryEventOutbox(db, events);
    var webhookDeliveries = new InMemoryWebhookDeliveryStore(db);
    var limits = new InMemoryMemberLimitStore(db, teams, runs);
    stores =
        new Stores(
            teams,
            new InMemoryApiKeyStore(db, teams),
            pools,
            runs,
            ledger,
            new InMemorySpendStore(db),
            new InMemoryPurchaseStore(db),
            outbox,
            new InMemoryIdempotencyStore(db),
            new InMemoryPaymentMethodStore(db),
            new InMemoryPaymentEventStore(db),
            new InMemoryBatchWriter(db, pools, runs, ledger, outbox, limits),
            new InMemoryWebhookEndpointStore(db, webhookDeliveries),
            webhookDeliveries,
            limits);
  }

  public Stores stores() {
    return stores;
  }

  public TransactionRunner transactions() {
    return db;
  }
}
