package dev.agentcredits.application.service.events;

import dev.agentcredits.application.port.in.RelayEventsUseCase;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.EventPublisher;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Publishes a claimed batch and marks it in the same transaction: if publishing fails the claim is
 * rolled back and the batch goes again (at least once); consumers de-duplicate by event id. Events
 * go out as the outbox keeps them, already encoded.
 */
public final class RelayEventsService implements RelayEventsUseCase {
  private final EventOutbox outbox;
  private final EventPublisher publisher;
  private final TransactionRunner tx;
  private final Clock clock;

  public RelayEventsService(
      EventOutbox outbox, EventPublisher publisher, TransactionRunner tx, Clock clock) {
    this.outbox = outbox;
    this.publisher = publisher;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public int relayBatch(int limit) {
    return tx.inTransaction(() -> {
      List<OutboxEvent> batch = outbox.claim(limit);
      if (batch.isEmpty()) {
        return 0;
      }
      publisher.publish(batch.stream().map(OutboxEvent::event).toList());
      outbox.markPublished(batch.stream().map(OutboxEvent::sequence).toList(), clock.instant());
      return batch.size();
    });
  }

  @Override
  public long outboxDepth() {
    return tx.inTransaction(outbox::depth);
  }

  @Override
  public Duration relayLag() {
    Instant now = clock.instant();
    return tx.inTransaction(outbox::oldestUnpublishedAt)
        .map(oldest -> oldest.isBefore(now) ? Duration.between(oldest, now) : Duration.ZERO)
        .orElse(Duration.ZERO);
  }
}
