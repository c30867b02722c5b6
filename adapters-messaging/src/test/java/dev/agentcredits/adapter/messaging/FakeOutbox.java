package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.in.RelayEventsUseCase;
import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RelayEventsUseCase over a list, as the service does it: an event leaves the outbox only once the
 * publisher returned. {@code beforeBatch} lets a test act between batches.
 */
final class FakeOutbox implements RelayEventsUseCase {
  private final List<EncodedEvent> pending = new ArrayList<>();
  private final EventPublisher publisher;
  private final AtomicLong failures = new AtomicLong();
  private volatile Runnable beforeBatch = () -> {};
  private int batches;

  FakeOutbox(EventPublisher publisher) {
    this.publisher = publisher;
  }

  synchronized void append(List<EncodedEvent> events) {
    pending.addAll(events);
  }

  void beforeBatch(Runnable action) {
    this.beforeBatch = action;
  }

  long failures() {
    return failures.get();
  }

  synchronized int batches() {
    return batches;
  }

  @Override
  public synchronized int relayBatch(int limit) {
    List<EncodedEvent> batch = List.copyOf(pending.subList(0, Math.min(limit, pending.size())));
    if (batch.isEmpty()) {
      return 0;
    }
    beforeBatch.run();
    try {
      publisher.publish(batch);
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      throw e;
    }
    pending.subList(0, batch.size()).clear();
    batches++;
    return batch.size();
  }

  @Override
  public synchronized long outboxDepth() {
    return pending.size();
  }

  @Override
  public java.time.Duration relayLag() {
    return java.time.Duration.ZERO;
  }
}
