package dev.agentcredits.adapter.rest;

import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.testing.TestApplication;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A billing application whose every store access fails as told: enough to test what the adapter
 * does on its own (parsing, authentication of the operator, errors, documents) without a store.
 */
final class StubApplication {
  static final String OPERATOR_KEY = "operator-test-key";

  volatile RuntimeException failure = new IllegalStateException("no store in this test");
  volatile Duration delay = Duration.ZERO;

  TestApplication build() {
    Stores stores =
        new Stores(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null);
    TransactionRunner tx =
        new TransactionRunner() {
          @Override
          public <T> T inTransaction(Supplier<T> work) {
            try {
              Thread.sleep(delay);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw failure;
          }
        };
    PaymentGateway payments = new dev.agentcredits.application.testing.TestPayments();
    SecretGenerator secrets =
        new SecretGenerator() {
          @Override
          public String newId(String prefix) {
            return prefix + "_" + UUID.randomUUID();
          }

          @Override
          public String newKey(String prefix) {
            return prefix + "_" + UUID.randomUUID();
          }
        };
    var ports =
        new TestApplication.Ports(
            stores,
            tx,
            payments,
            secrets,
            key -> "hash:" + key,
            Clock.systemUTC(),
            timeKeeping -> Optional.empty(),
            Optional.empty());
    return TestApplication.wire(ports, BillingTerms.defaults(), OPERATOR_KEY);
  }
}
