package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.application.testing.EventSamples;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Outbox events for tests. */
final class TestEvents {
  static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
  static final TeamId TEAM = new TeamId("team_1");
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private TestEvents() {}

  static OutboxEvent event(EventType type, String subject) {
    long sequence = SEQUENCE.incrementAndGet();
    return new OutboxEvent(
        sequence, "evt_" + sequence, new DomainEvent(type, TEAM, subject, AT, sample(type).data()));
  }

  /** The event of that type from {@link EventSamples}, whose data says {@code task_team_1}. */
  static DomainEvent sample(EventType type) {
    return EventSamples.everyType(TEAM, AT).stream()
        .filter(e -> e.type() == type)
        .findFirst()
        .orElseThrow();
  }
}
