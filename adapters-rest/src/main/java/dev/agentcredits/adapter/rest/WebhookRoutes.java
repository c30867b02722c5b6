package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.WebhookBodies;
import dev.agentcredits.application.port.in.RegisterWebhookEndpointCommand;
import dev.agentcredits.application.port.in.RetryWebhookDeliveryCommand;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.application.port.in.WebhookDeliveriesQuery;
import dev.agentcredits.application.port.in.WebhookDeliveriesUseCase;
import dev.agentcredits.application.port.in.WebhookEndpointCommand;
import dev.agentcredits.application.port.in.WebhookEndpointsUseCase;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import java.util.List;

/** API.md "Alerts and webhooks" (DOMAIN.md rule 26): a team's endpoints and their deliveries. */
public final class WebhookRoutes implements RouteGroup {
  private final WebhookEndpointsUseCase endpoints;
  private final WebhookDeliveriesUseCase deliveries;

  public WebhookRoutes(WebhookEndpointsUseCase endpoints, WebhookDeliveriesUseCase deliveries) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
  }

  @Override
  public List<Route> routes() {
    String all = "/api/v1/teams/{team_id}/webhook-endpoints";
    String one = all + "/{endpoint_id}";
    return List.of(
        Route.post(all, this::register),
        Route.get(all, this::list),
        Route.delete(one, this::delete),
        Route.post(one + "/test", this::test),
        Route.get(one + "/deliveries", this::deliveries),
        Route.post(one + "/deliveries/{delivery_id}/retry", this::retry));
  }

  private Reply register(Exchange ex) {
    var team = ex.team();
    var request = ex.body(Requests.WebhookEndpoint.class);
    var command =
        Exchange.valid(() ->
            RegisterWebhookEndpointCommand.of(
                ex.caller(), team, request.url(), request.eventTypes(), request.description()));
    return ex.reply(endpoints.register(command), 201, WebhookBodies::registered);
  }

  private Reply list(Exchange ex) {
    var query = new TeamQuery(ex.caller(), ex.team());
    return ex.reply(endpoints.list(query), 200, WebhookBodies::endpoints);
  }

  private Reply delete(Exchange ex) {
    return ex.reply(endpoints.delete(command(ex)), 204, nothing -> null);
  }

  private Reply test(Exchange ex) {
    return ex.reply(endpoints.sendTest(command(ex)), 202, WebhookBodies::delivery);
  }

  private Reply deliveries(Exchange ex) {
    var team = ex.team();
    var endpoint = endpointId(ex);
    int limit = ex.limit(WebhookDeliveriesQuery.DEFAULT_LIMIT, WebhookDeliveriesQuery.MAX_LIMIT);
    String cursor = ex.query("cursor");
    var query =
        Exchange.valid(
            () -> new WebhookDeliveriesQuery(ex.caller(), team, endpoint, limit, cursor));
    return ex.reply(deliveries.deliveries(query), 200, WebhookBodies::deliveries);
  }

  private Reply retry(Exchange ex) {
    var team = ex.team();
    var endpoint = endpointId(ex);
    var delivery = Exchange.valid(() -> new WebhookDeliveryId(ex.pathParam("delivery_id")));
    var command = new RetryWebhookDeliveryCommand(ex.caller(), team, endpoint, delivery);
    return ex.reply(deliveries.retry(command), 202, WebhookBodies::delivery);
  }

  private static WebhookEndpointCommand command(Exchange ex) {
    var team = ex.team();
    return new WebhookEndpointCommand(ex.caller(), team, endpointId(ex));
  }

  private static WebhookEndpointId endpointId(Exchange ex) {
    return Exchange.valid(() -> new WebhookEndpointId(ex.pathParam("endpoint_id")));
  }
}
