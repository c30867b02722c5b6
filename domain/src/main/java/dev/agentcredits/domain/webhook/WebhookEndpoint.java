package dev.agentcredits.domain.webhook;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a team's events are posted (rule 26), and how that has gone: {@code failingSince} is the
 * first failed attempt since the last delivered one (null while deliveries get through). An
 * endpoint that has failed for {@link #DISABLED_AFTER} is disabled; one delivery that gets through
 * (a retry or a test its owner asked for) enables it again.
 */
public record WebhookEndpoint(
    WebhookEndpointId id,
    TeamId team,
    WebhookUrl url,
    EventTypeFilter eventTypes,
    String description,
    WebhookSecret secret,
    EndpointState state,
    Instant createdAt,
    Instant failingSince) {

  public static final Duration DISABLED_AFTER = Duration.ofDays(3);
  public static final int MAX_DESCRIPTION_LENGTH = 500;

  public WebhookEndpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(eventTypes, "eventTypes");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
      throw new IllegalArgumentException(
          "description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
    }
  }

  /** A new endpoint: enabled, nothing failed yet. */
  public static WebhookEndpoint register(
      WebhookEndpointId id,
      TeamId team,
      WebhookUrl url,
      EventTypeFilter eventTypes,
      String description,
      WebhookSecret secret,
      Instant at) {
    return new WebhookEndpoint(
        id, team, url, eventTypes, description, secret, EndpointState.ENABLED, at, null);
  }

  public boolean isEnabled() {
    return state == EndpointState.ENABLED;
  }

  /** Whether an event of {@code type} is delivered here: enabled, and the type is wanted. */
  public boolean wants(String type) {
    return isEnabled() && eventTypes.matches(type);
  }

  /** A delivery got through: healthy, and enabled again if it had been disabled. */
  public WebhookEndpoint delivered() {
    return with(EndpointState.ENABLED, null);
  }

  /** An attempt failed at {@code at}: disabled once it has failed since 3 days or more. */
  public WebhookEndpoint failed(Instant at) {
    Instant since = failingSince == null ? at : failingSince;
    boolean tooLong = !at.isBefore(since.plus(DISABLED_AFTER));
    return with(tooLong ? EndpointState.DISABLED : state, since);
  }

  /** Whether going from {@code before} to this is the moment it was disabled. */
  public boolean disabledSince(WebhookEndpoint before) {
    return before.isEnabled() && !isEnabled();
  }

  private WebhookEndpoint with(EndpointState newState, Instant newFailingSince) {
    return new WebhookEndpoint(
        id, team, url, eventTypes, description, secret, newState, createdAt, newFailingSince);
  }
}
