package dev.agentcredits.application.port.in.view;

import java.time.Instant;

/** A team API key without its secret; {@code revokedAt} is null while it works. */
public record ApiKeyView(String keyId, String name, Instant createdAt, Instant revokedAt) {}
