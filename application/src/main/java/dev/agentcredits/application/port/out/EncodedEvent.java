package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Objects;

/**
 * An event in the form it leaves the service: {@code cloudEvent} is the finished text that the
 * broker carries and webhooks deliver, sent as it is. {@code id} is its CloudEvents id, stable
 * across re-sends; {@code type} is its type without the {@code dev.agentcredits.} prefix ({@code
 * run.accepted}), the routing key.
 */
public record EncodedEvent(
    String id, String type, TeamId team, Instant occurredAt, String cloudEvent) {

  public EncodedEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(cloudEvent, "cloudEvent");
  }
}
