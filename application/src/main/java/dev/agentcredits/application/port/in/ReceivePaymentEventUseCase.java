package dev.agentcredits.application.port.in;

import java.util.Objects;

/**
 * A notification from the payment provider (a webhook): verified, handled once per event id, and
 * applied to the purchase it names. Refused as an invalid request when it does not verify.
 */
public interface ReceivePaymentEventUseCase {
  Outcome<Handling> receive(Notification notification);

  /** The request body exactly as received, and the provider's signature header. */
  record Notification(String payload, String signature) {
    public Notification {
      Objects.requireNonNull(payload, "payload");
    }
  }

  enum Handling {
    HANDLED,
    ALREADY_HANDLED,
    IGNORED
  }
}
