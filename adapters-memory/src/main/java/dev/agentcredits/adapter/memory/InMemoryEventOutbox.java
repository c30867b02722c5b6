package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.EventEncoder;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.domain.event.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox twin: events are kept encoded, and become visible to the relay only when their
 * transaction commits.
 */
final class InMemoryEventOutbox implements EventOutbox {
  private final MemoryDatabase db;
  private final EventEncoder encoder;
  private final List<OutboxEvent> events = new ArrayList<>();

  /** When each published event was marked, by the relay's clock. */
  private final Map<Long, Instant> published = new HashMap<>();

  private long lastSequence;

  InMemoryEventOutbox(MemoryDatabase db, EventEncoder encoder) {
    this.db = db;
    this.encoder = encoder;
  }

  @Override
  public void append(List<DomainEvent> newEvents) {
    db.run(() -> {
      int sizeBefore = events.size();
      for (DomainEvent event : newEvents) {
        String id = UUID.randomUUID().toString();
        events.add(new OutboxEvent(++lastSequence, encoder.encode(id, event)));
      }
      db.onRollback(() -> events.subList(sizeBefore, events.size()).clear());
    });
  }

  @Override
  public List<OutboxEvent> claim(int limit) {
    return db.call(() ->
        events.stream().filter(e -> !published.containsKey(e.sequence())).limit(limit).toList());
  }

  @Override
  public void markPublished(List<Long> sequences, Instant at) {
    db.run(() -> {
      List<Long> added = new ArrayList<>();
      for (Long sequence : sequences) {
        if (published.putIfAbsent(sequence, at) == null) {
          added.add(sequence);
        }
      }
      db.onRollback(() -> added.forEach(published::remove));
      compact();
    });
  }

  @Override
  public long depth() {
    return db.call(() -> (long) (events.size() - published.size()));
  }

  /** Drops the published prefix so a long-running service does not keep every event. */
  private void compact() {
    int publishedPrefix = 0;
    while (publishedPrefix < events.size()
        && published.containsKey(events.get(publishedPrefix).sequence())) {
      publishedPrefix++;
    }
    if (publishedPrefix > 10_000) {
      drop(new ArrayList<>(events.subList(0, publishedPrefix)));
    }
  }

  @Override
  public Optional<Instant> oldestUnpublishedAt() {
    return db.call(() ->
        events.stream()
            .filter(e -> !published.containsKey(e.sequence()))
            .findFirst()
            .map(e -> e.event().occurredAt()));
  }

  @Override
  public int purgePublishedBefore(Instant cutoff, int limit) {
    return db.call(() -> {
      List<OutboxEvent> old =
          events.stream()
              .filter(e -> {
                Instant at = published.get(e.sequence());
                return at != null && at.isBefore(cutoff);
              })
              .limit(limit)
              .toList();
      drop(old);
      return old.size();
    });
  }

  private void drop(List<OutboxEvent> dropped) {
    if (dropped.isEmpty()) {
      return;
    }
    Map<Long, Instant> times = new HashMap<>();
    dropped.forEach(e -> times.put(e.sequence(), published.remove(e.sequence())));
    Set<Long> gone = times.keySet();
    List<OutboxEvent> before = new ArrayList<>(events);
    events.removeIf(e -> gone.contains(e.sequence()));
    db.onRollback(() -> {
      events.clear();
      events.addAll(before);
      published.putAll(times);
    });
  }
}
