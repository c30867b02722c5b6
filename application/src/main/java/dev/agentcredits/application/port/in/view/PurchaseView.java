package dev.agentcredits.application.port.in.view;

import java.time.Instant;

/** A purchase as its buyer sees it; {@code state} is SUCCEEDED, or PENDING while it is paid. */
public record PurchaseView(
    String purchaseId, long credits, long priceCents, Instant expiresAt, String state) {

  public boolean pending() {
    return "PENDING".equals(state);
  }
}
