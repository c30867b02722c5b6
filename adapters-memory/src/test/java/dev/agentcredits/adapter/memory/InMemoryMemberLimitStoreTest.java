package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.contract.MemberLimitStoreContract;
import dev.agentcredits.application.testing.TestEventEncoder;

class InMemoryMemberLimitStoreTest extends MemberLimitStoreContract {
  private final InMemoryPersistence memory = new InMemoryPersistence(new TestEventEncoder());

  @Override
  protected Stores stores() {
    return memory.stores();
  }

  @Override
  protected TransactionRunner tx() {
    return memory.transactions();
  }
}
