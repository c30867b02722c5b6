package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.EventEncoder;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.domain.event.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional outbox in {@code outbox}: events are written with the change they report and
 * claimed by relays with {@code FOR UPDATE SKIP LOCKED}, so relays on several instances share the
 * work without sending an event twice at once. Each event is encoded as it is appended and kept as
 * that text; a write batch appends its events with its other rows ({@link PostgresBatchWriter}).
 */
public final class PostgresEventOutbox implements EventOutbox {
  private final JdbiTransactionRunner db;
  private final EventEncoder encoder;

  PostgresEventOutbox(JdbiTransactionRunner db, EventEncoder encoder) {
    this.db = db;
    this.encoder = encoder;
  }

  /** As a write batch of events only ({@link WriteStatements}). */
  @Override
  public void append(List<DomainEvent> events) {
    new WriteStatements().events(encoded(events)).send(db);
  }

  /** The events as they are kept, each under a new id, in the order given. */
  List<EncodedEvent> encoded(List<DomainEvent> events) {
    return events.stream().map(e -> encoder.encode(UUID.randomUUID().toString(), e)).toList();
  }

  @Override
  public List<OutboxEvent> claim(int limit) {
    return db.withDao(
        OutboxDao.class, dao -> dao.claim(limit).stream().map(OutboxRow::toOutboxEvent).toList());
  }

  @Override
  public void markPublished(List<Long> sequences, Instant at) {
    if (sequences.isEmpty()) {
      return;
    }
    long[] values = sequences.stream().mapToLong(Long::longValue).toArray();
    db.withDao(OutboxDao.class, dao -> dao.markPublished(values, at));
  }

  @Override
  public long depth() {
    return db.withDao(OutboxDao.class, OutboxDao::depth);
  }

  @Override
  public Optional<Instant> oldestUnpublishedAt() {
    return db.withDao(OutboxDao.class, OutboxDao::oldestUnpublishedAt);
  }

  @Override
  public int purgePublishedBefore(Instant cutoff, int limit) {
    return db.withDao(OutboxDao.class, dao -> dao.purgePublishedBefore(cutoff, limit));
  }
}
