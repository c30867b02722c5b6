package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.WebhookBacklogView;

/** The delivery worker (rule 26): any number of instances may run it at once. */
public interface DeliverWebhooksUseCase {
  /**
   * Attempts up to {@code limit} deliveries that are due and that no other worker holds.
   *
   * @return how many were attempted
   */
  int deliverDue(int limit);

  WebhookBacklogView backlog();
}
