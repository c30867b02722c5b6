package dev.agentcredits.domain.event;

import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Objects;

/** A state change worth publishing. {@code subject} is the run or pool it is about. */
public record DomainEvent(EventType type, TeamId team, String subject, Instant at, EventData data) {

  public DomainEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(data, "data");
  }
}
