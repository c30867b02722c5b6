package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.in.view.RegisteredWebhookEndpointView;
import dev.agentcredits.application.port.in.view.WebhookDeliveryView;
import dev.agentcredits.application.port.in.view.WebhookEndpointView;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import java.util.Locale;

/** Endpoints and deliveries as API.md shows them; the secret only on registration. */
final class WebhookViews {
  private WebhookViews() {}

  static WebhookEndpointView endpoint(WebhookEndpoint endpoint) {
    return new WebhookEndpointView(
        endpoint.id().value(),
        endpoint.url().toString(),
        endpoint.eventTypes().patterns(),
        endpoint.description(),
        endpoint.state().name().toLowerCase(Locale.ROOT),
        endpoint.createdAt());
  }

  static RegisteredWebhookEndpointView registered(WebhookEndpoint endpoint) {
    return new RegisteredWebhookEndpointView(
        endpoint.id().value(),
        endpoint.url().toString(),
        endpoint.eventTypes().patterns(),
        endpoint.description(),
        endpoint.secret().value());
  }

  static WebhookDeliveryView delivery(WebhookDelivery delivery) {
    return new WebhookDeliveryView(
        delivery.id().value(),
        delivery.eventId(),
        delivery.eventType(),
        delivery.state().name().toLowerCase(Locale.ROOT),
        delivery.attempts(),
        delivery.lastStatus(),
        delivery.lastError(),
        delivery.nextAttemptAt(),
        delivery.deliveredAt());
  }
}
