package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.EventPublisher;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A publisher that keeps what it is given, in order, for {@code AGENT_CREDITS_BROKER=memory} and
 * for tests. It keeps the most recent {@code capacity} events, so a long-running process does not
 * grow without bound.
 */
public final class InMemoryEventBus implements EventPublisher {
  public static final int DEFAULT_CAPACITY = 100_000;

  private final int capacity;
  private final ArrayDeque<EncodedEvent> events = new ArrayDeque<>();

  public InMemoryEventBus() {
    this(DEFAULT_CAPACITY);
  }

  public InMemoryEventBus(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized void publish(List<EncodedEvent> batch) {
    for (EncodedEvent event : batch) {
      if (events.size() == capacity) {
        events.removeFirst();
      }
      events.addLast(event);
    }
  }

  /** The events published so far, oldest first: a snapshot. */
  public synchronized List<EncodedEvent> published() {
    return List.copyOf(events);
  }
}
