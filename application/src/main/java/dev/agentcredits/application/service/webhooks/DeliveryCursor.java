package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.WebhookDeliveryStore.Position;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The opaque {@code next_cursor} of a delivery list: the last delivery's position, base64url. */
final class DeliveryCursor {
  private DeliveryCursor() {}

  static String of(WebhookDelivery last) {
    String position = last.createdAt() + "|" + last.id().value();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  /** Null for the first page; anything that is not a cursor this class made is refused. */
  static Position parse(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = position.indexOf('|');
      return new Position(
          Instant.parse(position.substring(0, bar)),
          new WebhookDeliveryId(position.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw Guard.refuse(Refusal.invalid("cursor must be a next_cursor from an earlier page"));
    }
  }
}
