package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.instants;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.texts;

import java.time.Instant;
import java.util.List;

/** Webhook deliveries to queue, one array per column ({@link WebhookDeliveryDao#enqueue}). */
record DeliveryColumns(
    String[] deliveryId,
    String[] endpointId,
    String[] teamId,
    String[] eventId,
    String[] eventType,
    String[] body,
    String[] state,
    Integer[] attempts,
    Instant[] createdAt,
    Instant[] nextAttemptAt,
    Instant[] retryUntil,
    Integer[] lastStatus,
    String[] lastError,
    Instant[] deliveredAt) {

  static DeliveryColumns of(List<WebhookDeliveryRow> rows) {
    return new DeliveryColumns(
        texts(rows, WebhookDeliveryRow::deliveryId),
        texts(rows, WebhookDeliveryRow::endpointId),
        texts(rows, WebhookDeliveryRow::teamId),
        texts(rows, WebhookDeliveryRow::eventId),
        texts(rows, WebhookDeliveryRow::eventType),
        texts(rows, WebhookDeliveryRow::body),
        texts(rows, WebhookDeliveryRow::state),
        rows.stream().map(WebhookDeliveryRow::attempts).toArray(Integer[]::new),
        instants(rows, WebhookDeliveryRow::createdAt),
        instants(rows, WebhookDeliveryRow::nextAttemptAt),
        instants(rows, WebhookDeliveryRow::retryUntil),
        rows.stream().map(WebhookDeliveryRow::lastStatus).toArray(Integer[]::new),
        texts(rows, WebhookDeliveryRow::lastError),
        instants(rows, WebhookDeliveryRow::deliveredAt));
  }
}
