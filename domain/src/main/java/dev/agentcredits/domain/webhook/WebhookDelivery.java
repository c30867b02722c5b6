package dev.agentcredits.domain.webhook;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event on its way to one endpoint (rule 26): {@code body} is the event's CloudEvent text,
 * posted as it is on every attempt under the same {@code eventId} ({@code webhook-id}). Pending
 * until an attempt gets a 2xx (delivered) or the {@link RetrySchedule} runs out at {@code
 * retryUntil}, 3 days after the first attempt (failed); {@code nextAttemptAt} is set while pending.
 */
public record WebhookDelivery(
    WebhookDeliveryId id,
    WebhookEndpointId endpoint,
    TeamId team,
    String eventId,
    String eventType,
    String body,
    DeliveryState state,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant retryUntil,
    Integer lastStatus,
    String lastError,
    Instant deliveredAt) {

  public WebhookDelivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(retryUntil, "retryUntil");
    if ((state == DeliveryState.PENDING) != (nextAttemptAt != null)) {
      throw new IllegalArgumentException("a delivery has a next attempt exactly while pending");
    }
  }

  /** A delivery queued at {@code at}, to be tried at once (its 3 days count from that try). */
  public static WebhookDelivery queued(
      WebhookDeliveryId id,
      WebhookEndpointId endpoint,
      TeamId team,
      String eventId,
      String eventType,
      String body,
      Instant at) {
    return new WebhookDelivery(
        id,
        endpoint,
        team,
        eventId,
        eventType,
        body,
        DeliveryState.PENDING,
        0,
        at,
        at,
        at.plus(RetrySchedule.WINDOW),
        null,
        null,
        null);
  }

  /**
   * After an attempt made at {@code at}: delivered on a 2xx; otherwise pending again on the retry
   * schedule, or failed when it has run out or the endpoint is disabled (it gets nothing more).
   */
  public WebhookDelivery after(AttemptResult result, Instant at, boolean endpointDisabled) {
    int made = attempts + 1;
    return switch (result) {
      case AttemptResult.Delivered delivered ->
          with(DeliveryState.DELIVERED, made, null, retryUntil, delivered.status(), null, at);
      case AttemptResult.Failed failed -> {
        Optional<Instant> next =
            endpointDisabled ? Optional.empty() : RetrySchedule.nextAttempt(made, at, retryUntil);
        yield with(
            next.isPresent() ? DeliveryState.PENDING : DeliveryState.FAILED,
            made,
            next.orElse(null),
            retryUntil,
            failed.status(),
            failed.error(),
            deliveredAt);
      }
    };
  }

  /**
   * Asked to be tried again at {@code at} (API.md retry): pending, due at once. A delivery whose
   * schedule has run out gets this one attempt; one still on its schedule keeps the rest of it.
   */
  public WebhookDelivery retried(Instant at) {
    Instant until = retryUntil.isAfter(at) ? retryUntil : at;
    return with(DeliveryState.PENDING, attempts, at, until, lastStatus, lastError, deliveredAt);
  }

  /** Its endpoint was disabled: a pending delivery has failed with {@code why}. */
  public WebhookDelivery abandoned(String why) {
    if (state != DeliveryState.PENDING) {
      return this;
    }
    return with(DeliveryState.FAILED, attempts, null, retryUntil, lastStatus, why, deliveredAt);
  }

  private WebhookDelivery with(
      DeliveryState newState,
      int newAttempts,
      Instant next,
      Instant until,
      Integer status,
      String error,
      Instant delivered) {
    return new WebhookDelivery(
        id,
        endpoint,
        team,
        eventId,
        eventType,
        body,
        newState,
        newAttempts,
        createdAt,
        next,
        until,
        status,
        error,
        delivered);
  }
}
