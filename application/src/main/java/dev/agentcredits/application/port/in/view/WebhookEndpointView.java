package dev.agentcredits.application.port.in.view;

import java.time.Instant;
import java.util.List;

/** An endpoint without its secret; {@code state} is {@code enabled} or {@code disabled}. */
public record WebhookEndpointView(
    String endpointId,
    String url,
    List<String> eventTypes,
    String description,
    String state,
    Instant createdAt) {}
