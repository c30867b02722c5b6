package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.EndpointState;
import dev.agentcredits.domain.webhook.EventTypeFilter;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import dev.agentcredits.domain.webhook.WebhookSecret;
import dev.agentcredits.domain.webhook.WebhookUrl;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code webhook_endpoints}; {@code eventTypes} is its {@code text[]}. */
record WebhookEndpointRow(
    String endpointId,
    String teamId,
    String url,
    List<String> eventTypes,
    String description,
    String secret,
    String state,
    Instant createdAt,
    Instant failingSince) {

  static final String COLUMNS =
      "endpoint_id, team_id, url, event_types, description, secret, state, created_at,"
          + " failing_since";

  static WebhookEndpointRow of(WebhookEndpoint endpoint) {
    return new WebhookEndpointRow(
        endpoint.id().value(),
        endpoint.team().value(),
        endpoint.url().toString(),
        endpoint.eventTypes().patterns(),
        endpoint.description(),
        endpoint.secret().value(),
        endpoint.state().name(),
        endpoint.createdAt(),
        endpoint.failingSince());
  }

  WebhookEndpoint toEndpoint() {
    return new WebhookEndpoint(
        new WebhookEndpointId(endpointId),
        new TeamId(teamId),
        new WebhookUrl(URI.create(url)),
        new EventTypeFilter(eventTypes),
        description,
        new WebhookSecret(secret),
        EndpointState.valueOf(state),
        createdAt,
        failingSince);
  }

  /** The named parameters of the DAO statements that write this row. */
  Map<String, Object> params() {
    Map<String, Object> params = new HashMap<>();
    params.put("endpointId", endpointId);
    params.put("teamId", teamId);
    params.put("url", url);
    params.put("eventTypes", eventTypes.toArray(String[]::new));
    params.put("description", description);
    params.put("secret", secret);
    params.put("state", state);
    params.put("createdAt", createdAt);
    params.put("failingSince", failingSince);
    return params;
  }

  static WebhookEndpointRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    Array types = rs.getArray("event_types");
    return new WebhookEndpointRow(
        rs.getString("endpoint_id"),
        rs.getString("team_id"),
        rs.getString("url"),
        List.of((String[]) types.getArray()),
        rs.getString("description"),
        rs.getString("secret"),
        rs.getString("state"),
        Rows.INSTANT.map(rs, "created_at", ctx),
        Rows.INSTANT.map(rs, "failing_since", ctx));
  }
}
