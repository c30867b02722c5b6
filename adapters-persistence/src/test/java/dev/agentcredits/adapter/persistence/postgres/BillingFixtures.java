package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.service.runs.Admissions;
import dev.agentcredits.application.testing.TestApplication;
import dev.agentcredits.application.testing.TestPayments;
import dev.agentcredits.application.testing.TestSecrets;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The application wired to one PostgresPersistence, with test doubles for the other ports. */
final class BillingFixtures {
  static final String OPERATOR_KEY = "operator-key-for-tests";

  private BillingFixtures() {}

  static TestApplication application(PostgresPersistence persistence, Clock clock) {
    return application(persistence, clock, UnaryOperator.identity());
  }

  /** {@code admissions} may wrap the admission transaction, e.g. in the group commit. */
  static TestApplication application(
      PostgresPersistence persistence, Clock clock, UnaryOperator<Admissions> admissions) {
    return TestApplication.wire(
        new TestApplication.Ports(
            persistence.stores(),
            persistence.transactions(),
            new TestPayments(),
            new TestSecrets(),
            new TestSecrets(),
            clock,
            timeKeeping -> Optional.empty(),
            Optional.empty()),
        BillingTerms.defaults(),
        OPERATOR_KEY,
        admissions,
        UnaryOperator.identity());
  }

  static Caller operator() {
    return new Caller.Operator();
  }

  static <T> T ok(Outcome<T> outcome) {
    if (outcome instanceof Outcome.Ok<T> ok) {
      return ok.value();
    }
    throw new AssertionError("expected success, got " + outcome);
  }
}
