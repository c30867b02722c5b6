package dev.agentcredits.application.usecase;

import org.junit.jupiter.api.AfterEach;

/** A fresh application per test; after each, every pool must be what its ledger says. */
public abstract class UseCaseTest {
  protected final BillingFixture billing = new BillingFixture();

  @AfterEach
  public void everyPoolIsExplainedByItsLedger() {
    billing.assertEveryPoolReconciles();
  }
}
