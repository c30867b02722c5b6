package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.WebhookDeliveryPageView;
import dev.agentcredits.application.port.in.view.WebhookDeliveryView;

/** What was sent to an endpoint, and sending one delivery again: operator, owner or admin. */
public interface WebhookDeliveriesUseCase {
  /** The endpoint's deliveries, newest first. */
  Outcome<WebhookDeliveryPageView> deliveries(WebhookDeliveriesQuery query);

  /**
   * Tries the delivery again now: pending or failed, or even delivered (receivers de-duplicate by
   * {@code webhook-id}). A failed one gets one more attempt; one that gets through enables its
   * endpoint again if it had been disabled.
   */
  Outcome<WebhookDeliveryView> retry(RetryWebhookDeliveryCommand command);
}
