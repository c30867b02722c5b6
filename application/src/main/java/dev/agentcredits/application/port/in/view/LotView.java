package dev.agentcredits.application.port.in.view;

import java.time.Instant;

/** An add-on lot or contract grant still in a pool. */
public record LotView(String sourceId, String kind, long creditsRemaining, Instant expiresAt) {}
