package dev.agentcredits.adapter.persistence.contract;

import dev.agentcredits.application.memory.InMemoryPersistence;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;

class InMemoryLedgerChargesTest extends LedgerChargesContract {
  private final InMemoryPersistence memory = new InMemoryPersistence();

  @Override
  protected Stores stores() {
    return memory.stores();
  }

  @Override
  protected TransactionRunner tx() {
    return memory.transactions();
  }
}
