package dev.agentcredits.adapter.wire;

import dev.agentcredits.application.port.in.view.RegisteredWebhookEndpointView;
import dev.agentcredits.application.port.in.view.WebhookDeliveryPageView;
import dev.agentcredits.application.port.in.view.WebhookDeliveryView;
import dev.agentcredits.application.port.in.view.WebhookEndpointView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bodies of API.md "Alerts and webhooks": endpoints and their deliveries. */
public final class WebhookBodies {
  private WebhookBodies() {}

  /** A new endpoint, with its secret: the one answer that shows it. */
  public static Map<String, Object> registered(RegisteredWebhookEndpointView endpoint) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("endpoint_id", endpoint.endpointId());
    body.put("url", endpoint.url());
    body.put("event_types", endpoint.eventTypes());
    putIfPresent(body, "description", endpoint.description());
    body.put("secret", endpoint.secret());
    return body;
  }

  public static Map<String, Object> endpoints(List<WebhookEndpointView> endpoints) {
    return Map.of("webhook_endpoints", endpoints.stream().map(WebhookBodies::endpoint).toList());
  }

  public static Map<String, Object> endpoint(WebhookEndpointView endpoint) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("endpoint_id", endpoint.endpointId());
    body.put("url", endpoint.url());
    body.put("event_types", endpoint.eventTypes());
    putIfPresent(body, "description", endpoint.description());
    body.put("state", endpoint.state());
    body.put("created_at", Bodies.time(endpoint.createdAt()));
    return body;
  }

  /** {@code next_cursor} is null on the last page. */
  public static Map<String, Object> deliveries(WebhookDeliveryPageView page) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deliveries", page.deliveries().stream().map(WebhookBodies::delivery).toList());
    body.put("next_cursor", page.nextCursor());
    return body;
  }

  public static Map<String, Object> delivery(WebhookDeliveryView delivery) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("delivery_id", delivery.deliveryId());
    body.put("event_id", delivery.eventId());
    body.put("event_type", delivery.eventType());
    body.put("state", delivery.state());
    body.put("attempts", delivery.attempts());
    putIfPresent(body, "last_status", delivery.lastStatus());
    putIfPresent(body, "last_error", delivery.lastError());
    if (delivery.nextAttemptAt() != null) {
      body.put("next_attempt_at", Bodies.time(delivery.nextAttemptAt()));
    }
    if (delivery.deliveredAt() != null) {
      body.put("delivered_at", Bodies.time(delivery.deliveredAt()));
    }
    return body;
  }

  private static void putIfPresent(Map<String, Object> body, String name, Object value) {
    if (value != null) {
      body.put(name, value);
    }
  }
}
