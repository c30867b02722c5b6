package dev.agentcredits.application.port.in.view;

import java.time.Instant;

/**
 * One delivery; {@code state} is {@code pending}, {@code delivered} or {@code failed}; the last
 * attempt's status and error, the next attempt and the delivery time are null when there is none.
 */
public record WebhookDeliveryView(
    String deliveryId,
    String eventId,
    String eventType,
    String state,
    int attempts,
    Integer lastStatus,
    String lastError,
    Instant nextAttemptAt,
    Instant deliveredAt) {}
