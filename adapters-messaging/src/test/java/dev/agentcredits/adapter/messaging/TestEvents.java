package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Outbox events for tests. */
final class TestEvents {
  static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private TestEvents() {}

  static OutboxEvent event(EventType type, String subject) {
    long sequence = SEQUENCE.incrementAndGet();
    return new OutboxEvent(
        sequence,
        "evt_" + sequence,
        DomainEvent.of(type, new TeamId("team_1"), subject, AT)
            .with("task_id", subject)
            .with("credits", 20L)
            .build());
  }
}
