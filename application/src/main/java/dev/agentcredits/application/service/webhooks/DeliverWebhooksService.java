package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.in.DeliverWebhooksUseCase;
import dev.agentcredits.application.port.in.view.WebhookBacklogView;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.HostResolver;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.application.port.out.WebhookEndpointStore;
import dev.agentcredits.application.port.out.WebhookMessage;
import dev.agentcredits.application.port.out.WebhookSender;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.webhook.AttemptResult;
import dev.agentcredits.domain.webhook.DestinationPolicy;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The delivery worker (rule 26). It claims due deliveries in one short transaction, posts each with
 * no transaction open (an attempt may take the sender's whole time-out), then records each result
 * in a transaction of its own: the delivery moves on its schedule, the endpoint's health with it,
 * and an endpoint failing for 3 days is disabled, its pending deliveries failed and {@code
 * webhook_endpoint.disabled} raised. A claim is a lease: a worker that dies mid-attempt leaves its
 * deliveries due again when the lease ends, so none is lost (at least once).
 */
public final class DeliverWebhooksService implements DeliverWebhooksUseCase {
  /** Longer than an attempt can take: the host look-up and the sender's 10 s time-out. */
  static final Duration LEASE = Duration.ofMinutes(1);

  static final String DISABLED =
      "not attempted: the endpoint was disabled after failing for "
          + WebhookEndpoint.DISABLED_AFTER.toDays()
          + " days";

  private final WebhookEndpointStore endpoints;
  private final WebhookDeliveryStore deliveries;
  private final EventOutbox outbox;
  private final TransactionRunner tx;
  private final WebhookSender sender;
  private final Destinations destinations;
  private final Executor attempts;
  private final Clock clock;

  /** {@code attempts} runs the attempts of one batch, e.g. each on a virtual thread of its own. */
  public DeliverWebhooksService(
      WebhookEndpointStore endpoints,
      WebhookDeliveryStore deliveries,
      EventOutbox outbox,
      TransactionRunner tx,
      WebhookSender sender,
      HostResolver resolver,
      DestinationPolicy policy,
      Executor attempts,
      Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.outbox = outbox;
    this.tx = tx;
    this.sender = sender;
    this.destinations = new Destinations(resolver, policy);
    this.attempts = attempts;
    this.clock = clock;
  }

  @Override
  public int deliverDue(int limit) {
    Instant now = clock.instant();
    List<WebhookDelivery> claimed =
        tx.inTransaction(() -> deliveries.claimDue(now, now.plus(LEASE), limit));
    var running =
        claimed.stream()
            .map(delivery -> CompletableFuture.runAsync(() -> attempt(delivery), attempts))
            .toList();
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      // the others finished; an attempt that could not be recorded is due again after its lease
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return claimed.size();
  }

  private void attempt(WebhookDelivery delivery) {
    Optional<WebhookEndpoint> endpoint =
        tx.inTransaction(() -> endpoints.find(delivery.team(), delivery.endpoint()));
    if (endpoint.isEmpty()) {
      return; // deleted since it was claimed, and its deliveries with it
    }
    AttemptResult result =
        destinations
            .refusal(endpoint.get().url())
            .map(why -> AttemptResult.failed("not sent: " + why))
            .orElseGet(() -> sender.send(message(endpoint.get(), delivery)));
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

  @Override
  public WebhookBacklogView backlog() {
    Instant now = clock.instant();
    WebhookDeliveryStore.Backlog backlog = tx.inTransaction(deliveries::backlog);
    Duration age =
        backlog
            .oldestPendingSince()
            .filter(since -> since.isBefore(now))
            .map(since -> Duration.between(since, now))
            .orElse(Duration.ZERO);
    return new WebhookBacklogView(backlog.pending(), backlog.delivered(), backlog.failed(), age);
  }
}
