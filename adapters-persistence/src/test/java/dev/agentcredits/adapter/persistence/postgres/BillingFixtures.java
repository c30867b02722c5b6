package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.testing.TestApplication;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.terms.BillingTerms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** The application wired to one PostgresPersistence, with test doubles for the other ports. */
final class BillingFixtures {
  static final String OPERATOR_KEY = "operator-key-for-tests";

  private BillingFixtures() {}

  static TestApplication application(PostgresPersistence persistence, Clock clock) {
    return TestApplication.wire(
        new TestApplication.Ports(
            persistence.stores(),
            persistence.transactions(),
            new ApprovingPayments(),
            new UuidSecrets(),
            new Sha256Hasher(),
            clock,
            timeKeeping -> Optional.empty(),
            Optional.empty()),
        BillingTerms.defaults(),
        OPERATOR_KEY);
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

  /** Approves every payment. */
  static final class ApprovingPayments implements PaymentGateway {
    @Override
    public PaymentResult charge(PurchaseId purchase, TeamId team, Money amount) {
      return new PaymentResult.Approved("ref-" + purchase.value());
    }
  }

  static final class Sha256Hasher implements KeyHasher {
    @Override
    public String hash(String key) {
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static final class UuidSecrets implements SecretGenerator {
    @Override
    public String newId(String prefix) {
      return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public String newKey(String prefix) {
      return prefix + "_" + UUID.randomUUID() + UUID.randomUUID();
    }
  }
}
