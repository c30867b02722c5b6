package dev.agentcredits.adapter.persistence.memory;

import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.domain.event.DomainEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The outbox twin: events become visible to the relay only when their transaction commits. */
final class InMemoryEventOutbox implements EventOutbox {
  private final MemoryDatabase db;
  private final List<OutboxEvent> events = new ArrayList<>();
  private final Set<Long> published = new HashSet<>();
  private long lastSequence;

  InMemoryEventOutbox(MemoryDatabase db) {
    this.db = db;
  }

  @Override
  public void append(List<DomainEvent> newEvents) {
    db.run(() -> {
      int sizeBefore = events.size();
      for (DomainEvent event : newEvents) {
        events.add(new OutboxEvent(++lastSequence, UUID.randomUUID().toString(), event));
      }
      db.onRollback(() -> events.subList(sizeBefore, events.size()).clear());
    });
  }

  @Override
  public List<OutboxEvent> claim(int limit) {
    return db.call(
        () -> events.stream().filter(e -> !published.contains(e.sequence())).limit(limit).toList());
  }

  @Override
  public void markPublished(List<Long> sequences) {
    db.run(() -> {
      List<Long> added = new ArrayList<>();
      for (Long sequence : sequences) {
        if (published.add(sequence)) {
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
        && published.contains(events.get(publishedPrefix).sequence())) {
      publishedPrefix++;
    }
    if (publishedPrefix > 10_000) {
      List<OutboxEvent> dropped = new ArrayList<>(events.subList(0, publishedPrefix));
      events.subList(0, publishedPrefix).clear();
      dropped.forEach(e -> published.remove(e.sequence()));
      db.onRollback(() -> {
        events.addAll(0, dropped);
        dropped.forEach(e -> published.add(e.sequence()));
      });
    }
  }
}
