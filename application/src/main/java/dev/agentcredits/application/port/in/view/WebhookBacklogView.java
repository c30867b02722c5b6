package dev.agentcredits.application.port.in.view;

import java.time.Duration;

/** Deliveries by state, across instances, and how long the oldest pending one has waited. */
public record WebhookBacklogView(
    long pending, long delivered, long failed, Duration oldestPendingAge) {}
