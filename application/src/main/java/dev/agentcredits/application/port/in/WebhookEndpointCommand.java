package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import java.util.Objects;

/** An action on one webhook endpoint of a team: deleting it, or sending it a test. */
public record WebhookEndpointCommand(Caller caller, TeamId team, WebhookEndpointId endpoint) {
  public WebhookEndpointCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    Objects.requireNonNull(endpoint, "endpoint_id is required");
  }
}
