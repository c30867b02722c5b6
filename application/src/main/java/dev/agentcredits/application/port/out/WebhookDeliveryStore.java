package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of deliveries (rule 26): what is queued survives restarts until it is delivered
 * or has failed, and each is attempted by one worker at a time, on any instance.
 */
public interface WebhookDeliveryStore {
  /**
   * Queues the deliveries, except those whose endpoint already has one for the same event: an event
   * reaches an endpoint through one delivery, however often it is fanned out.
   *
   * @return how many were queued
   */
  int enqueue(List<WebhookDelivery> deliveries);

  /**
   * Claims up to {@code limit} pending deliveries due at {@code now}, the longest due first, that
   * no other worker holds: each one's next attempt moves to {@code leaseUntil}, so it is due again
   * then if the worker that took it never reports. Answers them as claimed.
   */
  List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int limit);

  /**
   * Saves what an attempt made of a claimed delivery, if it is still as claimed (pending, next
   * attempt at {@code claimedUntil}); false when it changed meanwhile (retried, failed because its
   * endpoint was disabled, deleted), and then nothing is saved.
   */
  boolean saveAttempt(WebhookDelivery delivery, Instant claimedUntil);

  Optional<WebhookDelivery> find(WebhookEndpointId endpoint, WebhookDeliveryId id);

  /** Saves a delivery's new state (a retry asked for). */
  void save(WebhookDelivery delivery);

  /** An endpoint's deliveries, newest first; {@code after} null for the first page. */
  List<WebhookDelivery> page(WebhookEndpointId endpoint, Position after, int limit);

  /** Where a page of deliveries ended: its last delivery. */
  record Position(Instant createdAt, WebhookDeliveryId id) {}

  /**
   * Fails every pending delivery of a disabled endpoint with {@code why}.
   *
   * @return how many there were
   */
  int abandonPending(WebhookEndpointId endpoint, String why);

  /** How many deliveries are in each state, and since when the oldest pending one waits. */
  Backlog backlog();

  record Backlog(long pending, long delivered, long failed, Optional<Instant> oldestPendingSince) {}
}
