package dev.agentcredits.domain.event;

import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A state change worth publishing. {@code subject} is the run or pool it is about; {@code data}
 * holds plain values only (strings, numbers, booleans, lists and maps of them).
 */
public record DomainEvent(
    EventType type, TeamId team, String subject, Instant at, Map<String, Object> data) {

  public DomainEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(at, "at");
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  public static Builder of(EventType type, TeamId team, String subject, Instant at) {
    return new Builder(type, team, subject, at);
  }

  /** Collects data fields in order; null values are left out. */
  public static final class Builder {
    private final EventType type;
    private final TeamId team;
    private final String subject;
    private final Instant at;
    private final Map<String, Object> data = new LinkedHashMap<>();

    private Builder(EventType type, TeamId team, String subject, Instant at) {
      this.type = type;
      this.team = team;
      this.subject = subject;
      this.at = at;
    }

    public Builder with(String key, Object value) {
      if (value != null) {
        data.put(key, value);
      }
      return this;
    }

    public DomainEvent build() {
      return new DomainEvent(type, team, subject, at, data);
    }
  }
}
