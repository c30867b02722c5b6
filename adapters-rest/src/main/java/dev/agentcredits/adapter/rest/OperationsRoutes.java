package dev.agentcredits.adapter.rest;

import dev.agentcredits.application.port.in.OperationsUseCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator tools for tests and demos: move the manual clock forward, and make the simulated payment
 * gateway decline (or accept again) one team's payments.
 */
public final class OperationsRoutes implements RouteGroup {
  private final OperationsUseCase operations;

  public OperationsRoutes(OperationsUseCase operations) {
    this.operations = operations;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.post("/api/v1/ops/clock", this::advanceClock),
        Route.put("/api/v1/ops/teams/{team_id}/payments", this::payments));
  }

  private Reply advanceClock(Exchange ex) {
    var request = ex.body(Requests.AdvanceClock.class);
    var outcome = operations.advanceClock(ex.caller(), request.advanceSeconds());
    return ex.reply(outcome, 200, now -> Map.of("now", now.toString()));
  }

  private Reply payments(Exchange ex) {
    var team = ex.team();
    var request = ex.body(Requests.Payments.class);
    var outcome = operations.setPaymentsDeclined(ex.caller(), team, request.declined());
    return ex.reply(
        outcome,
        200,
        declined -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("team_id", team.value());
          body.put("declined", declined);
          return body;
        });
  }
}
