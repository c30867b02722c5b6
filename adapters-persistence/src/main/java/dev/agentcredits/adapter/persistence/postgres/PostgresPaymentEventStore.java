package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.PaymentEventStore;
import java.time.Instant;

/**
 * Handled webhook events in {@code payment_events}. {@code INSERT ... ON CONFLICT DO NOTHING} waits
 * for a concurrent transaction inserting the same id, then inserts nothing if that one committed:
 * exactly one claim wins, on any number of instances.
 */
public final class PostgresPaymentEventStore implements PaymentEventStore {
  private final JdbiTransactionRunner db;

  PostgresPaymentEventStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public boolean claim(String eventId, Instant receivedAt) {
    return db.withDao(PaymentEventDao.class, dao -> dao.claim(eventId, receivedAt) == 1);
  }
}
