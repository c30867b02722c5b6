package dev.agentcredits.adapter.payments;

import dev.agentcredits.application.port.out.PaymentEvents;

/**
 * With the simulated gateway no provider sends webhooks: every one is refused, changing nothing.
 */
public final class SimulatedWebhooks implements PaymentEvents {
  @Override
  public Notification read(String payload, String signature) {
    return new Notification.BadSignature(
        "the simulated gateway takes no webhooks; run with AGENT_CREDITS_PAYMENTS=stripe");
  }
}
