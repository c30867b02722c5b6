package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;

/** Takes money. Idempotent by purchase id: asking again gives the first answer. */
public interface PaymentGateway {
  PaymentResult charge(PurchaseId purchase, TeamId team, Money amount);

  sealed interface PaymentResult {
    record Approved(String reference) implements PaymentResult {}

    record Declined(String reason) implements PaymentResult {}
  }
}
