package dev.agentcredits.application.port.in.view;

import java.time.Instant;

/**
 * A team API key without its secret; {@code revokedAt} is null while it works, {@code lastUsedAt}
 * until it is first used (it is kept to the minute).
 */
public record ApiKeyView(
    String keyId, String name, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {}
