package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.webhook.AttemptResult;

/**
 * Posts one delivery, signed, to its endpoint and says how it went: an answer that is not 2xx, a
 * time-out or a refused connection is a {@link AttemptResult.Failed}, not an exception.
 */
public interface WebhookSender {
  AttemptResult send(WebhookMessage message);
}
