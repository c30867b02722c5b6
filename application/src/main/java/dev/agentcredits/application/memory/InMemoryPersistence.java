package dev.agentcredits.application.memory;

import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;

/**
 * Every store port kept in memory, for AGENT_CREDITS_STORE=memory and for tests: nothing is kept.
 */
public final class InMemoryPersistence {
  private final MemoryDatabase db = new MemoryDatabase();
  private final Stores stores =
      new Stores(
          new InMemoryTeamStore(db),
          new InMemoryApiKeyStore(db),
          new InMemoryPoolStore(db),
          new InMemoryRunStore(db),
          new InMemoryLedgerStore(db),
          new InMemorySpendStore(db),
          new InMemoryPurchaseStore(db),
          new InMemoryEventOutbox(db),
          new InMemoryIdempotencyStore(db),
          new InMemoryPaymentMethodStore(db),
          new InMemoryPaymentEventStore(db));

  public Stores stores() {
    return stores;
  }

  public TransactionRunner transactions() {
    return db;
  }
}
