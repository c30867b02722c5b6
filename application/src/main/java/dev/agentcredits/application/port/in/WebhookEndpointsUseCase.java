package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RegisteredWebhookEndpointView;
import dev.agentcredits.application.port.in.view.WebhookDeliveryView;
import dev.agentcredits.application.port.in.view.WebhookEndpointView;
import java.util.List;

/** A team's webhook endpoints (rule 26): the operator, the owner or an admin. */
public interface WebhookEndpointsUseCase {
  /** Registers an endpoint; its secret is in this answer and in no other. */
  Outcome<RegisteredWebhookEndpointView> register(RegisterWebhookEndpointCommand command);

  Outcome<List<WebhookEndpointView>> list(TeamQuery query);

  /** Deletes the endpoint; what it had not been delivered yet is dropped with it. */
  Outcome<Void> delete(WebhookEndpointCommand command);

  /** Queues a {@code webhook.test} event for this endpoint alone, whatever its event types. */
  Outcome<WebhookDeliveryView> sendTest(WebhookEndpointCommand command);
}
