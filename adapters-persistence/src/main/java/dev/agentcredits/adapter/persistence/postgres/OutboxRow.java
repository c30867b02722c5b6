package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row of {@code outbox}: an event as it is published, its CloudEvent text ({@code cloudEvent},
 * kept as text so it goes out exactly as written), with its id, type (e.g. {@code run.accepted}),
 * team and time beside it for the relay and its queries.
 */
record OutboxRow(
    long sequence,
    String eventId,
    String type,
    String teamId,
    Instant occurredAt,
    String cloudEvent) {

  static final String COLUMNS = "sequence, event_id, type, team_id, occurred_at, cloud_event";

  static OutboxRow of(EncodedEvent event) {
    return new OutboxRow(
        0, event.id(), event.type(), event.team().value(), event.occurredAt(), event.cloudEvent());
  }

  OutboxEvent toOutboxEvent() {
    return new OutboxEvent(
        sequence, new EncodedEvent(eventId, type, new TeamId(teamId), occurredAt, cloudEvent));
  }

  static OutboxRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new OutboxRow(
        rs.getLong("sequence"),
        rs.getString("event_id"),
        rs.getString("type"),
        rs.getString("team_id"),
        Rows.INSTANT.map(rs, "occurred_at", ctx),
        rs.getString("cloud_event"));
  }
}
