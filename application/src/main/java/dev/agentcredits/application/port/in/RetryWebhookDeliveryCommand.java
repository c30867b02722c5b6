package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import java.util.Objects;

public record RetryWebhookDeliveryCommand(
    Caller caller, TeamId team, WebhookEndpointId endpoint, WebhookDeliveryId delivery) {
  public RetryWebhookDeliveryCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    Objects.requireNonNull(endpoint, "endpoint_id is required");
    Objects.requireNonNull(delivery, "delivery_id is required");
  }
}
