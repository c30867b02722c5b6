package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.AlertBodies;
import dev.agentcredits.application.port.in.AlertsQuery;
import java.util.List;

/** API.md "Alerts and webhooks": the alerts in force now (DOMAIN.md rule 25). */
public final class AlertRoutes implements RouteGroup {
  private final AlertsQuery alerts;

  public AlertRoutes(AlertsQuery alerts) {
    this.alerts = alerts;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.get("/api/v1/teams/{team_id}/alerts", this::alerts));
  }

  private Reply alerts(Exchange ex) {
    return ex.reply(alerts.alerts(ex.caller(), ex.team()), 200, AlertBodies::alerts);
  }
}
