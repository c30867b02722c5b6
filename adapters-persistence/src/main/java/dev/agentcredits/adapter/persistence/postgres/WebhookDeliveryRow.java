package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.DeliveryState;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code webhook_deliveries}. */
record WebhookDeliveryRow(
    String deliveryId,
    String endpointId,
    String teamId,
    String eventId,
    String eventType,
    String body,
    String state,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant retryUntil,
    Integer lastStatus,
    String lastError,
    Instant deliveredAt) {

  static final String COLUMNS =
      "delivery_id, endpoint_id, team_id, event_id, event_type, body, state, attempts, created_at,"
          + " next_attempt_at, retry_until, last_status, last_error, delivered_at";

  static WebhookDeliveryRow of(WebhookDelivery d) {
    return new WebhookDeliveryRow(
        d.id().value(),
        d.endpoint().value(),
        d.team().value(),
        d.eventId(),
        d.eventType(),
        d.body(),
        d.state().name(),
        d.attempts(),
        d.createdAt(),
        d.nextAttemptAt(),
        d.retryUntil(),
        d.lastStatus(),
        d.lastError(),
        d.deliveredAt());
  }

  WebhookDelivery toDelivery() {
    return new WebhookDelivery(
        new WebhookDeliveryId(deliveryId),
        new WebhookEndpointId(endpointId),
        new TeamId(teamId),
        eventId,
        eventType,
        body,
        DeliveryState.valueOf(state),
        attempts,
        createdAt,
        nextAttemptAt,
        retryUntil,
        lastStatus,
        lastError,
        deliveredAt);
  }

  /** The named parameters of the DAO statements that write this row. */
  static WebhookDeliveryRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new WebhookDeliveryRow(
        rs.getString("delivery_id"),
        rs.getString("endpoint_id"),
        rs.getString("team_id"),
        rs.getString("event_id"),
        rs.getString("event_type"),
        rs.getString("body"),
        rs.getString("state"),
        rs.getInt("attempts"),
        Rows.INSTANT.map(rs, "created_at", ctx),
        Rows.INSTANT.map(rs, "next_attempt_at", ctx),
        Rows.INSTANT.map(rs, "retry_until", ctx),
        Rows.nullableInt(rs, "last_status"),
        rs.getString("last_error"),
        Rows.INSTANT.map(rs, "delivered_at", ctx));
  }
}
