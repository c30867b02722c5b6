package dev.agentcredits.application.port.in.view;

import java.time.Instant;

/**
 * One purchase in a pool's history. {@code kind} is manual or auto_reload; {@code expiresAt} and
 * {@code creditsRemaining} are set for a lot in the pool, {@code refundedAt} once it left.
 */
public record PurchaseHistoryView(
    String purchaseId,
    String kind,
    long credits,
    long priceCents,
    String state,
    Instant createdAt,
    Instant expiresAt,
    Long creditsRemaining,
    Instant refundedAt) {}
