package dev.agentcredits.adapter.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.agentcredits.application.port.out.WebhookMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Standard Webhooks headers of a message: {@code webhook-id}, {@code webhook-timestamp} (Unix
 * seconds) and {@code webhook-signature}, {@code v1,} and the base64 HMAC-SHA256 of {@code
 * id.timestamp.body} keyed with the secret's bytes. Signed by the specification's own library.
 */
final class StandardWebhookHeaders {
  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";

  private StandardWebhookHeaders() {}

  static Map<String, String> of(WebhookMessage message) {
    long timestamp = message.timestamp().getEpochSecond();
    String signature;
    try {
      signature =
          new Webhook(message.secret().key()).sign(message.webhookId(), timestamp, message.body());
    } catch (WebhookSigningException e) {
      throw new IllegalStateException("HmacSHA256 is in every JDK", e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ID, message.webhookId());
    headers.put(TIMESTAMP, Long.toString(timestamp));
    headers.put(SIGNATURE, signature);
    return headers;
  }
}
