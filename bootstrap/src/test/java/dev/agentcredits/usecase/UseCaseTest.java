package dev.agentcredits.usecase;

import org.junit.jupiter.api.AfterEach;

/** A fresh application per test; after each, every pool must be what its ledger says. */
abstract class UseCaseTest {
  protected final BillingFixture billing = new BillingFixture();

  @AfterEach
  void everyPoolIsExplainedByItsLedger() {
    billing.assertEveryPoolReconciles();
  }
}
