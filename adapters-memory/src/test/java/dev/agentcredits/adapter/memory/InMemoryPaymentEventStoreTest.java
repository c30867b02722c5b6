package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.contract.PaymentEventStoreContract;

class InMemoryPaymentEventStoreTest extends PaymentEventStoreContract {
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
