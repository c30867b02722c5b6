package dev.agentcredits.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.ReportUsageBatchUseCase;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.UsageId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API.md "Usage in batches": up to 1,000 usage events in one call, one result per event in order.
 * An event that does not read as a usage report fails alone with the problem the single call would
 * answer; the others are charged together.
 */
public final class UsageEventRoutes implements RouteGroup {
  static final String PATH = "/api/v1/usage-events";

  /** 1,000 events with ids of 128 characters each stay well under this. */
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final Set<String> FIELDS = Set.of("task_id", "usage_id", "credits");

  private final ReportUsageBatchUseCase reportUsageBatch;

  public UsageEventRoutes(ReportUsageBatchUseCase reportUsageBatch) {
    this.reportUsageBatch = reportUsageBatch;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.post(PATH, this::report));
  }

  private Reply report(Exchange ex) {
    var request = ex.body(Requests.UsageEvents.class, MAX_BODY_BYTES);
    int count = request.events().size();
    if (count < 1 || count > ReportUsageBatchUseCase.MAX_REPORTS) {
      throw ProblemException.invalid(
          "events must hold 1 to " + ReportUsageBatchUseCase.MAX_REPORTS + " usage events");
    }
    var caller = ex.caller();
    List<Object> results = new ArrayList<>(count);
    List<ReportUsageCommand> commands = new ArrayList<>(count);
    List<Integer> charged = new ArrayList<>(count);
    for (JsonNode event : request.events()) {
      try {
        commands.add(command(caller, event));
        charged.add(results.size());
        results.add(null);
      } catch (IllegalArgumentException | NullPointerException e) {
        results.add(refused(event, Problem.invalid(e.getMessage()), ex));
      }
    }
    List<Outcome<RunView>> outcomes = reportUsageBatch.reportAll(commands);
    for (int i = 0; i < outcomes.size(); i++) {
      results.set(charged.get(i), result(commands.get(i), outcomes.get(i), ex));
    }
    return Reply.json(200, Map.of("results", results));
  }

  private static ReportUsageCommand command(Caller caller, JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new IllegalArgumentException("each event must be a JSON object");
    }
    for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown field " + name);
      }
    }
    JsonNode credits = event.get("credits");
    if (credits == null || !credits.isIntegralNumber() || !credits.canConvertToLong()) {
      throw new IllegalArgumentException("credits must be a whole number from 1 to 1000000000");
    }
    return new ReportUsageCommand(
        caller,
        new RunId(text(event, "task_id")),
        new UsageId(text(event, "usage_id")),
        credits.longValue());
  }

  private static String text(JsonNode event, String field) {
    JsonNode value = event.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + " is required and must be a string");
    }
    return value.textValue();
  }

  private static Map<String, Object> result(
      ReportUsageCommand command, Outcome<RunView> outcome, Exchange ex) {
    String usage = command.usage().value();
    String task = command.run().value();
    return switch (outcome) {
      case Outcome.Ok<RunView> ok -> Bodies.usageCharged(usage, ok.value(), ok.replayed());
      case Outcome.Refused<RunView> refused ->
          Bodies.usageRefused(usage, task, problem(Problem.of(refused.refusal()), ex));
    };
  }

  private static Map<String, Object> refused(JsonNode event, Problem problem, Exchange ex) {
    String usage = field(event, "usage_id");
    String task = field(event, "task_id");
    return Bodies.usageRefused(usage, task, problem(problem, ex));
  }

  private static Map<String, Object> problem(Problem problem, Exchange ex) {
    return problem.body(PATH, ex.trace().traceId());
  }

  private static String field(JsonNode event, String name) {
    JsonNode value = event == null ? null : event.get(name);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
