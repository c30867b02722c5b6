package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.purchase.Purchase;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes money (DOMAIN.md rule 19). Idempotent by purchase id: charging a purchase again never
 * charges twice, it gives the first payment's answer.
 */
public interface PaymentGateway {
  /** Charges the purchase on the team's card, once whatever the retries. */
  PaymentResult charge(Purchase purchase, Optional<PaymentMethod> card);

  /**
   * What became of a purchase's payment whose answer was not final (processing, or unknown after a
   * timeout): asks the provider, and never makes a second payment.
   */
  PaymentResult status(Purchase purchase, Optional<PaymentMethod> card);

  /** Gives the purchase's money back, once whatever the retries. */
  RefundResult refund(Purchase purchase);

  /** What the provider knows of a saved card: its details, or why it cannot be used. */
  CardLookup lookUp(PaymentMethod method);

  sealed interface PaymentResult {
    /** The money was taken; {@code reference} is the provider's payment id. */
    record Approved(String reference) implements PaymentResult {
      public Approved {
        Objects.requireNonNull(reference, "reference");
      }
    }

    /** Refused for good: {@code reason} says why in words, e.g. "the card has expired". */
    record Declined(String code, String reason, String reference) implements PaymentResult {}

    /** The provider accepted the payment and is still processing it; it will say how it ended. */
    record Processing(String reference) implements PaymentResult {}

    /** No answer (timeout, network, a provider fault): ask again later with {@link #status}. */
    record Unknown(String reason, String reference) implements PaymentResult {}
  }

  sealed interface RefundResult {
    record Refunded(String reference) implements RefundResult {}

    record Refused(String reason) implements RefundResult {}

    record Unknown(String reason) implements RefundResult {}
  }

  sealed interface CardLookup {
    record Found(PaymentMethod method) implements CardLookup {}

    /** The provider has no such card for that customer. */
    record Unusable(String reason) implements CardLookup {}

    record Unknown(String reason) implements CardLookup {}
  }
}
