package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import java.util.Objects;

/** A page of an endpoint's deliveries; {@code cursor} is an earlier page's, or null. */
public record WebhookDeliveriesQuery(
    Caller caller, TeamId team, WebhookEndpointId endpoint, int limit, String cursor) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public WebhookDeliveriesQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    Objects.requireNonNull(endpoint, "endpoint_id is required");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
    }
  }
}
