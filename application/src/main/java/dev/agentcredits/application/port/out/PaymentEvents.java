package dev.agentcredits.application.port.out;

import java.util.Objects;

/**
 * Reads the payment provider's notifications (webhooks): checks that the provider sent them and
 * says what each one means for a purchase.
 */
public interface PaymentEvents {
  Notification read(String payload, String signature);

  sealed interface Notification {
    /** Not from the provider, or too old to trust: nothing may change. */
    record BadSignature(String reason) implements Notification {}

    /** From the provider, about nothing this service acts on. */
    record Ignored(String eventId, String type) implements Notification {}

    /** From the provider about a payment: by purchase id when known, else the payment id. */
    record About(
        String eventId, Kind kind, String purchaseId, String paymentReference, String reason)
        implements Notification {
      public About {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
      }
    }
  }

  enum Kind {
    SUCCEEDED,
    FAILED,
    REFUNDED,
    DISPUTED
  }
}
