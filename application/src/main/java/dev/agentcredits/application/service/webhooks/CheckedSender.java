package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.out.WebhookMessage;
import dev.agentcredits.application.port.out.WebhookSender;
import dev.agentcredits.domain.webhook.AttemptResult;

/**
 * The sender behind the destination policy: a message goes out only if its URL may be called now
 * ({@link Destinations}); otherwise the attempt fails with why, and nothing is sent.
 */
public final class CheckedSender {
  private final WebhookSender sender;
  private final Destinations destinations;

  public CheckedSender(WebhookSender sender, Destinations destinations) {
    this.sender = sender;
    this.destinations = destinations;
  }

  AttemptResult send(WebhookMessage message) {
    return destinations
        .refusal(message.url())
        .map(why -> AttemptResult.failed("not sent: " + why))
        .orElseGet(() -> sender.send(message));
  }
}
