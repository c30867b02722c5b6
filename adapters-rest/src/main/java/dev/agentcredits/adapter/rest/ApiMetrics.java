package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.view.RunView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the REST adapter counts: every request by method, route template and status, with its
 * latency; and the billing outcomes it answers (runs accepted or refused, add-on purchases).
 */
final class ApiMetrics {
  private final MeterRegistry registry;

  ApiMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void request(String method, String route, int status, long nanos) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by method, route template and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A submission or retry answered: accepted by trigger, or refused by its error code. */
  void run(Outcome<RunView> outcome) {
    switch (outcome) {
      case Outcome.Ok<RunView> ok ->
          counter(
                  "agent_credits.runs.accepted",
                  "Runs accepted (hold placed)",
                  "trigger",
                  ok.value().trigger())
              .increment();
      case Outcome.Refused<RunView> refused ->
          counter(
                  "agent_credits.runs.refused",
                  "Runs refused, by error code",
                  "reason",
                  Problem.of(refused.refusal()).type().code())
              .increment();
    }
  }

  /** A manual add-on purchase answered: {@code purchased} or the error code that refused it. */
  void purchase(Outcome<?> outcome) {
    String result =
        switch (outcome) {
          case Outcome.Ok<?> ok -> "purchased";
          case Outcome.Refused<?> refused -> Problem.of(refused.refusal()).type().code();
        };
    counter("agent_credits.addon.purchases", "Manual add-on purchases, by result", "result", result)
        .increment();
  }

  private Counter counter(String name, String description, String tag, String value) {
    return Counter.builder(name)
        .description(description)
        .tag(tag, value.toLowerCase(Locale.ROOT))
        .register(registry);
  }
}
