package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.application.port.out.WebhookEndpointStore;
import dev.agentcredits.application.port.out.WebhookMessage;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.webhook.AttemptResult;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt at a claimed delivery (rule 26): the message is posted with no transaction open (it
 * may take the sender's whole time-out), then the result is recorded in a transaction of its own:
 * the delivery moves on its schedule, the endpoint's health with it, and an endpoint failing for 3
 * days is disabled, its pending deliveries failed and {@code webhook_endpoint.disabled} raised.
 */
public final class WebhookAttempt {
  static final String DISABLED =
      "not attempted: the endpoint was disabled after failing for "
          + WebhookEndpoint.DISABLED_AFTER.toDays()
          + " days";

  private final WebhookEndpointStore endpoints;
  private final WebhookDeliveryStore deliveries;
  private final EventOutbox outbox;
  private final TransactionRunner tx;
  private final CheckedSender sender;
  private final Clock clock;

  public WebhookAttempt(
      WebhookEndpointStore endpoints,
      WebhookDeliveryStore deliveries,
      EventOutbox outbox,
      TransactionRunner tx,
      CheckedSender sender,
      Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.outbox = outbox;
    this.tx = tx;
    this.sender = sender;
    this.clock = clock;
  }

  void make(WebhookDelivery delivery) {
    Optional<WebhookEndpoint> endpoint =
        tx.inTransaction(() -> endpoints.find(delivery.team(), delivery.endpoint()));
    if (endpoint.isEmpty()) {
      return; // deleted since it was claimed, and its deliveries with it
    }
    AttemptResult result = sender.send(message(endpoint.get(), delivery));
    tx.inTransaction(() -> {
      record(delivery, result);
      return null;
    });
  }

  private WebhookMessage message(WebhookEndpoint endpoint, WebhookDelivery delivery) {
    return new WebhookMessage(
        endpoint.url(), delivery.eventId(), clock.instant(), delivery.body(), endpoint.secret());
  }

  /** Applies the result to the delivery and its endpoint, unless the delivery changed meanwhile. */
  private void record(WebhookDelivery claimed, AttemptResult result) {
    Instant at = clock.instant();
    Optional<WebhookEndpoint> locked = endpoints.lock(claimed.endpoint());
    if (locked.isEmpty()) {
      return;
    }
    WebhookEndpoint before = locked.get();
    WebhookEndpoint after =
        result instanceof AttemptResult.Delivered ? before.delivered() : before.failed(at);
    WebhookDelivery attempted = claimed.after(result, at, !after.isEnabled());
    if (!deliveries.saveAttempt(attempted, claimed.nextAttemptAt())) {
      return;
    }
    if (!after.equals(before)) {
      endpoints.update(after);
    }
    if (after.disabledSince(before)) {
      deliveries.abandonPending(after.id(), DISABLED);
      outbox.append(List.of(disabled(after, at)));
    }
  }

  private static DomainEvent disabled(WebhookEndpoint endpoint, Instant at) {
    return new DomainEvent(
        EventType.WEBHOOK_ENDPOINT_DISABLED,
        endpoint.team(),
        endpoint.id().value(),
        at,
        new EventData.WebhookEndpointDisabled(
            endpoint.id(), endpoint.url().toString(), endpoint.failingSince()));
  }
}
