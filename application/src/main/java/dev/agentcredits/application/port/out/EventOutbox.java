package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.event.DomainEvent;
import java.util.List;

/** Events written in the same transaction as the change they report. */
public interface EventOutbox {
  void append(List<DomainEvent> events);

  /**
   * Takes up to {@code limit} unpublished events, oldest first, that no other relay has taken; they
   * stay taken until the transaction ends.
   */
  List<OutboxEvent> claim(int limit);

  void markPublished(List<Long> sequences);

  long depth();
}
