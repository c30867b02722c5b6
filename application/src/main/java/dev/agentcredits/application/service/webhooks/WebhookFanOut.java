package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.EventPublisher;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.application.port.out.WebhookEndpointStore;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Queues one delivery per event and enabled endpoint of its team that wants it, then publishes the
 * events on to the broker. It is the relay's publisher ({@code RelayEventsService}), so it runs in
 * the relay's transaction: the deliveries commit together with the events being marked published,
 * or neither does and the next relay queues them again. The store keeps one delivery per (event,
 * endpoint), so an event relayed twice still reaches each endpoint once.
 *
 * <p>Fanning out when relaying, not when the event is written, keeps the transactions that charge
 * credits as they are (no look-up of endpoints there) and puts the look-up in one query per relayed
 * batch. The price: while the broker is down, webhooks wait for it too; they are not lost.
 */
public final class WebhookFanOut implements EventPublisher {
  private final WebhookEndpointStore endpoints;
  private final WebhookDeliveryStore deliveries;
  private final SecretGenerator ids;
  private final Clock clock;
  private final EventPublisher next;

  public WebhookFanOut(
      WebhookEndpointStore endpoints,
      WebhookDeliveryStore deliveries,
      SecretGenerator ids,
      Clock clock,
      EventPublisher next) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.ids = ids;
    this.clock = clock;
    this.next = next;
  }

  @Override
  public void publish(List<EncodedEvent> events) {
    Set<TeamId> teams = events.stream().map(EncodedEvent::team).collect(Collectors.toSet());
    Map<TeamId, List<WebhookEndpoint>> listening =
        endpoints.enabledOf(teams).stream().collect(Collectors.groupingBy(WebhookEndpoint::team));
    if (!listening.isEmpty()) {
      Instant now = clock.instant();
      List<WebhookDelivery> queued = new ArrayList<>();
      for (EncodedEvent event : events) {
        for (WebhookEndpoint endpoint : listening.getOrDefault(event.team(), List.of())) {
          if (endpoint.wants(event.type())) {
            queued.add(
                WebhookDelivery.queued(
                    new WebhookDeliveryId(ids.newId("whd")),
                    endpoint.id(),
                    event.team(),
                    event.id(),
                    event.type(),
                    event.cloudEvent(),
                    now));
          }
        }
      }
      deliveries.enqueue(queued);
    }
    next.publish(events);
  }
}
