package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.adapter.wire.EventBodies;
import dev.agentcredits.adapter.wire.EventDataReader;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row of {@code outbox}: the event's type (the {@link EventType} name), team, subject, time and
 * data (JSONB); {@code eventId} is its CloudEvents id.
 */
record OutboxRow(
    long sequence,
    String eventId,
    String type,
    String teamId,
    String subject,
    Instant occurredAt,
    String data) {

  static final String COLUMNS = "sequence, event_id, type, team_id, subject, occurred_at, data";

  static OutboxRow of(String eventId, DomainEvent event) {
    return new OutboxRow(
        0,
        eventId,
        event.type().name(),
        event.team().value(),
        event.subject(),
        event.at(),
        Json.write(EventBodies.data(event)));
  }

  OutboxEvent toOutboxEvent() {
    EventType eventType = EventType.valueOf(type);
    DomainEvent event =
        new DomainEvent(
            eventType,
            new TeamId(teamId),
            subject,
            occurredAt,
            EventDataReader.read(eventType, Json.map(data)));
    return new OutboxEvent(sequence, eventId, event);
  }

  /** The named parameters of the DAO statements that write this row. */
  Map<String, Object> params() {
    Map<String, Object> params = new HashMap<>();
    params.put("eventId", eventId);
    params.put("type", type);
    params.put("teamId", teamId);
    params.put("subject", subject);
    params.put("occurredAt", occurredAt);
    params.put("data", data);
    return params;
  }

  static OutboxRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new OutboxRow(
        rs.getLong("sequence"),
        rs.getString("event_id"),
        rs.getString("type"),
        rs.getString("team_id"),
        rs.getString("subject"),
        Rows.INSTANT.map(rs, "occurred_at", ctx),
        rs.getString("data"));
  }
}
