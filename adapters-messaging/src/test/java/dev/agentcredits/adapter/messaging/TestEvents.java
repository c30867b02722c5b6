package dev.agentcredits.adapter.messaging;

import dev.agentcredits.adapter.wire.CloudEventEncoder;
import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.testing.EventSamples;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Events for tests, encoded as the outbox keeps them. */
final class TestEvents {
  static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
  static final TeamId TEAM = new TeamId("team_1");
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final CloudEventEncoder ENCODER = new CloudEventEncoder();

  private TestEvents() {}

  static EncodedEvent event(EventType type, String subject) {
    return ENCODER.encode(
        "evt_" + SEQUENCE.incrementAndGet(),
        new DomainEvent(type, TEAM, subject, AT, sample(type).data()));
  }

  /** The event of that type from {@link EventSamples}, whose data says {@code task_team_1}. */
  static DomainEvent sample(EventType type) {
    return EventSamples.everyType(TEAM, AT).stream()
        .filter(e -> e.type() == type)
        .findFirst()
        .orElseThrow();
  }
}
