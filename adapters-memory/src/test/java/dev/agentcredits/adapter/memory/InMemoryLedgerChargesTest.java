package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.contract.LedgerChargesContract;

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
