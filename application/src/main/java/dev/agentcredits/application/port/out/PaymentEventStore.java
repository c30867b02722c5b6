package dev.agentcredits.application.port.out;

import java.time.Instant;

/** The payment provider's events already handled, so each is handled once across instances. */
public interface PaymentEventStore {
  /**
   * Records the event id in the current transaction; false when it was recorded before. A second
   * transaction claiming the same id waits for the first to end, so exactly one of them wins.
   */
  boolean claim(String eventId, Instant receivedAt);
}
