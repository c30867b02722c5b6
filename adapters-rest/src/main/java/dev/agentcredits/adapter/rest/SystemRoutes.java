package dev.agentcredits.adapter.rest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What needs no key: liveness, readiness (every check must pass), Prometheus metrics and the
 * OpenAPI document (the docs page over it is one of the {@link WebPages}).
 */
final class SystemRoutes implements RouteGroup {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final List<HealthCheck> readiness;
  private final PrometheusMeterRegistry registry;
  private final OpenApiDocument openApi;

  SystemRoutes(
      List<HealthCheck> readiness, PrometheusMeterRegistry registry, OpenApiDocument openApi) {
    this.readiness = readiness;
    this.registry = registry;
    this.openApi = openApi;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.open("/health/live", ex -> Reply.json(200, Map.of("status", "UP"))),
        Route.open("/health/ready", ex -> ready()),
        Route.open("/metrics", ex -> Reply.text(registry.scrape(), PROMETHEUS_TEXT)),
        Route.open("/api/v1/openapi.json", ex -> Reply.text(openApi.json(), Reply.JSON)));
  }

  private Reply ready() {
    Map<String, Object> checks = new LinkedHashMap<>();
    boolean up = true;
    for (HealthCheck check : readiness) {
      boolean passes = check.passes();
      checks.put(check.name(), passes ? "UP" : "DOWN");
      up &= passes;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "UP" : "DOWN");
    body.put("checks", checks);
    return Reply.json(up ? 200 : 503, body);
  }
}
