package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.DeliveryState;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The delivery queue twin: one delivery per (endpoint, event); claims move the next attempt to the
 * end of the lease, as the PostgreSQL store does.
 */
final class InMemoryWebhookDeliveryStore implements WebhookDeliveryStore {
  private static final Comparator<WebhookDelivery> NEWEST_FIRST =
      Comparator.comparing(WebhookDelivery::createdAt)
          .thenComparing(d -> d.id().value())
          .reversed();

  private final MemoryDatabase db;
  private final Table<WebhookDeliveryId, WebhookDelivery> deliveries;
  private final Table<String, WebhookDeliveryId> byEvent;

  InMemoryWebhookDeliveryStore(MemoryDatabase db) {
    this.db = db;
    this.deliveries = new Table<>(db);
    this.byEvent = new Table<>(db);
  }

  @Override
  public int enqueue(List<WebhookDelivery> queued) {
    return db.call(() -> {
      int added = 0;
      for (WebhookDelivery delivery : queued) {
        String key = delivery.endpoint().value() + " " + delivery.eventId();
        if (!byEvent.contains(key)) {
          byEvent.put(key, delivery.id());
          deliveries.put(delivery.id(), delivery);
          added++;
        }
      }
      return added;
    });
  }

  @Override
  public List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
    return db.call(() -> {
      List<WebhookDelivery> due =
          deliveries.values().stream()
              .filter(d -> d.state() == DeliveryState.PENDING && !d.nextAttemptAt().isAfter(now))
              .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt))
              .limit(limit)
              .map(d -> withNextAttempt(d, leaseUntil))
              .toList();
      due.forEach(d -> deliveries.put(d.id(), d));
      return due;
    });
  }

  @Override
  public boolean saveAttempt(WebhookDelivery delivery, Instant claimedUntil) {
    return db.call(() -> {
      boolean asClaimed =
          deliveries
              .get(delivery.id())
              .filter(d -> d.state() == DeliveryState.PENDING)
              .filter(d -> d.nextAttemptAt().equals(claimedUntil))
              .isPresent();
      if (asClaimed) {
        deliveries.put(delivery.id(), delivery);
      }
      return asClaimed;
    });
  }

  @Override
  public Optional<WebhookDelivery> find(WebhookEndpointId endpoint, WebhookDeliveryId id) {
    return db.call(() -> deliveries.get(id).filter(d -> d.endpoint().equals(endpoint)));
  }

  @Override
  public void save(WebhookDelivery delivery) {
    db.run(() -> deliveries.put(delivery.id(), delivery));
  }

  @Override
  public List<WebhookDelivery> page(WebhookEndpointId endpoint, Position after, int limit) {
    return db.call(() ->
        deliveries.values().stream()
            .filter(d -> d.endpoint().equals(endpoint))
            .filter(d -> after == null || isBefore(d, after))
            .sorted(NEWEST_FIRST)
            .limit(limit)
            .toList());
  }

  private static boolean isBefore(WebhookDelivery delivery, Position position) {
    int byTime = delivery.createdAt().compareTo(position.createdAt());
    return byTime < 0
        || (byTime == 0 && delivery.id().value().compareTo(position.id().value()) < 0);
  }

  @Override
  public int abandonPending(WebhookEndpointId endpoint, String why) {
    return db.call(() -> {
      List<WebhookDelivery> pending =
          deliveries.values().stream()
              .filter(d -> d.endpoint().equals(endpoint) && d.state() == DeliveryState.PENDING)
              .toList();
      pending.forEach(d -> deliveries.put(d.id(), d.abandoned(why)));
      return pending.size();
    });
  }

  @Override
  public Backlog backlog() {
    return db.call(() -> {
      List<WebhookDelivery> all = deliveries.values();
      return new Backlog(
          count(all, DeliveryState.PENDING),
          count(all, DeliveryState.DELIVERED),
          count(all, DeliveryState.FAILED),
          all.stream()
              .filter(d -> d.state() == DeliveryState.PENDING)
              .map(WebhookDelivery::createdAt)
              .min(Comparator.naturalOrder()));
    });
  }

  /** Drops an endpoint's deliveries, when the endpoint is deleted. */
  void deleteOf(WebhookEndpointId endpoint) {
    for (WebhookDelivery delivery : deliveries.values()) {
      if (delivery.endpoint().equals(endpoint)) {
        deliveries.remove(delivery.id());
        byEvent.remove(endpoint.value() + " " + delivery.eventId());
      }
    }
  }

  private static long count(List<WebhookDelivery> all, DeliveryState state) {
    return all.stream().filter(d -> d.state() == state).count();
  }

  private static WebhookDelivery withNextAttempt(WebhookDelivery d, Instant next) {
    return new WebhookDelivery(
        d.id(),
        d.endpoint(),
        d.team(),
        d.eventId(),
        d.eventType(),
        d.body(),
        d.state(),
        d.attempts(),
        d.createdAt(),
        next,
        d.retryUntil(),
        d.lastStatus(),
        d.lastError(),
        d.deliveredAt());
  }
}
