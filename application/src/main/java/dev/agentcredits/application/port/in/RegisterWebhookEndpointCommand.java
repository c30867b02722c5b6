package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.webhook.EventTypeFilter;
import dev.agentcredits.domain.webhook.WebhookUrl;
import java.util.List;
import java.util.Objects;

/** {@code eventTypes} null: every event. */
public record RegisterWebhookEndpointCommand(
    Caller caller, TeamId team, WebhookUrl url, EventTypeFilter eventTypes, String description) {

  public RegisterWebhookEndpointCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    Objects.requireNonNull(url, "url is required");
    Objects.requireNonNull(eventTypes, "event_types");
    Text.requirePlain(description, "description");
  }

  /** From the request's fields as sent; what they cannot be is an IllegalArgumentException. */
  public static RegisterWebhookEndpointCommand of(
      Caller caller, TeamId team, String url, List<String> eventTypes, String description) {
    Text.requirePlain(url, "url");
    return new RegisterWebhookEndpointCommand(
        caller,
        team,
        WebhookUrl.parse(url),
        EventTypeFilter.of(eventTypes),
        description == null || description.isBlank() ? null : description.strip());
  }
}
