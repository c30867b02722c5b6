package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.event.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Events written in the same transaction as the change they report, each encoded once as it is
 * appended (by the {@link EventEncoder} the outbox was built with) and kept as that text.
 */
public interface EventOutbox {
  /** Gives each event a new id (a UUID) and keeps it encoded under that id. */
  void append(List<DomainEvent> events);

  /**
   * Takes up to {@code limit} unpublished events, oldest first, that no other relay has taken; they
   * stay taken until the transaction ends.
   */
  List<OutboxEvent> claim(int limit);

  /** {@code at} is the relay's clock: the time the retention of published events counts from. */
  void markPublished(List<Long> sequences, Instant at);

  long depth();

  /** When the oldest event still waiting to be relayed happened; empty when none waits. */
  Optional<Instant> oldestUnpublishedAt();

  /**
   * Deletes up to {@code limit} events published before {@code cutoff}, oldest first: consumers
   * de-duplicate by id within minutes, so published events need not be kept for ever. Unpublished
   * events are never deleted.
   *
   * @return how many were deleted
   */
  int purgePublishedBefore(Instant cutoff, int limit);
}
