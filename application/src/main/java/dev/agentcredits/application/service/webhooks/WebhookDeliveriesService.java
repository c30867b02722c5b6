package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RetryWebhookDeliveryCommand;
import dev.agentcredits.application.port.in.WebhookDeliveriesQuery;
import dev.agentcredits.application.port.in.WebhookDeliveriesUseCase;
import dev.agentcredits.application.port.in.view.WebhookDeliveryPageView;
import dev.agentcredits.application.port.in.view.WebhookDeliveryView;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import java.time.Clock;
import java.util.List;

/** An endpoint's deliveries, newest first, and a delivery tried again on request. */
public final class WebhookDeliveriesService implements WebhookDeliveriesUseCase {
  private final TeamEndpoints endpoints;
  private final WebhookDeliveryStore deliveries;
  private final TransactionRunner tx;
  private final Clock clock;

  public WebhookDeliveriesService(
      TeamEndpoints endpoints, WebhookDeliveryStore deliveries, TransactionRunner tx, Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Outcome<WebhookDeliveryPageView> deliveries(WebhookDeliveriesQuery query) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          endpoints.find(query.caller(), query.team(), query.endpoint());
          var after = DeliveryCursor.parse(query.cursor());
          // one more than asked for tells whether a next page exists
          List<WebhookDelivery> page = deliveries.page(query.endpoint(), after, query.limit() + 1);
          List<WebhookDelivery> shown = page.subList(0, Math.min(page.size(), query.limit()));
          String next = page.size() > query.limit() ? DeliveryCursor.of(shown.getLast()) : null;
          return Outcome.ok(
              new WebhookDeliveryPageView(
                  shown.stream().map(WebhookViews::delivery).toList(), next));
        }));
  }

  @Override
  public Outcome<WebhookDeliveryView> retry(RetryWebhookDeliveryCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          endpoints.find(command.caller(), command.team(), command.endpoint());
          WebhookDelivery delivery =
              deliveries
                  .find(command.endpoint(), command.delivery())
                  .orElseThrow(() ->
                      Guard.refuse(Refusal.notFound("webhook delivery " + command.delivery())));
          WebhookDelivery retried = delivery.retried(clock.instant());
          deliveries.save(retried);
          return Outcome.ok(WebhookViews.delivery(retried));
        }));
  }
}
