package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.webhook.WebhookSecret;
import dev.agentcredits.domain.webhook.WebhookUrl;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt's request (API.md): {@code body}, the event's CloudEvent text, to {@code url}, signed
 * with {@code secret} under {@code webhookId} (the event id) and {@code timestamp}.
 */
public record WebhookMessage(
    WebhookUrl url, String webhookId, Instant timestamp, String body, WebhookSecret secret) {
  public WebhookMessage {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(secret, "secret");
  }
}
