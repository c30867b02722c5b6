package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.EventEncoder;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A {@code webhook.test} event for one endpoint, encoded as every event is and queued for that
 * endpoint alone, whatever its event types. Call inside a transaction.
 */
public final class WebhookTests {
  private final WebhookDeliveryStore deliveries;
  private final EventEncoder encoder;
  private final SecretGenerator ids;

  public WebhookTests(WebhookDeliveryStore deliveries, EventEncoder encoder, SecretGenerator ids) {
    this.deliveries = deliveries;
    this.encoder = encoder;
    this.ids = ids;
  }

  WebhookDelivery queue(WebhookEndpoint endpoint, Instant now) {
    EncodedEvent test =
        encoder.encode(
            UUID.randomUUID().toString(),
            new DomainEvent(
                EventType.WEBHOOK_TEST,
                endpoint.team(),
                endpoint.id().value(),
                now,
                new EventData.WebhookTest(endpoint.id())));
    WebhookDelivery delivery =
        WebhookDelivery.queued(
            new WebhookDeliveryId(ids.newId("whd")),
            endpoint.id(),
            endpoint.team(),
            test.id(),
            test.type(),
            test.cloudEvent(),
            now);
    deliveries.enqueue(List.of(delivery));
    return delivery;
  }
}
