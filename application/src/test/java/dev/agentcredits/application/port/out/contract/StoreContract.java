package dev.agentcredits.application.port.out.contract;

import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;

/** What every store contract test runs against: one implementation's stores and transactions. */
public abstract class StoreContract {
  protected abstract Stores stores();

  protected abstract TransactionRunner tx();

  protected World world() {
    return World.create(stores(), tx());
  }
}
