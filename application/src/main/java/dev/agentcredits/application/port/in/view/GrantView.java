package dev.agentcredits.application.port.in.view;

import java.time.Instant;

public record GrantView(String grantId, long credits, Instant expiresAt) {}
