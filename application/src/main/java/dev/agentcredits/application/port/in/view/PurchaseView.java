package dev.agentcredits.application.port.in.view;

import java.time.Instant;

public record PurchaseView(String purchaseId, long credits, long priceCents, Instant expiresAt) {}
