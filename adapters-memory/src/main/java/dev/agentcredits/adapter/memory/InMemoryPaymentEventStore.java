package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.PaymentEventStore;
import java.time.Instant;

final class InMemoryPaymentEventStore implements PaymentEventStore {
  private final MemoryDatabase db;
  private final Table<String, Instant> handled;

  InMemoryPaymentEventStore(MemoryDatabase db) {
    this.db = db;
    this.handled = new Table<>(db);
  }

  @Override
  public boolean claim(String eventId, Instant receivedAt) {
    return db.call(() -> {
      if (handled.contains(eventId)) {
        return false;
      }
      handled.put(eventId, receivedAt);
      return true;
    });
  }
}
