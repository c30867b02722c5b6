package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.application.port.in.GetRunQuery;
import dev.agentcredits.application.port.in.ListRunsQuery;
import dev.agentcredits.application.port.in.ListRunsUseCase;
import dev.agentcredits.application.port.in.RetryRunUseCase;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.SubmitRunUseCase;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * API.md "Runs": submit and retry agent tasks (each answer counted in the metrics), read one and
 * list them. What happens to a run once admitted is {@link RunProgressRoutes}.
 */
public final class RunRoutes implements RouteGroup {
  private final SubmitRunUseCase submitRun;
  private final RetryRunUseCase retryRun;
  private final GetRunQuery getRun;
  private final ListRunsUseCase listRuns;
  private final ApiMetrics metrics;

  public RunRoutes(
      SubmitRunUseCase submitRun,
      RetryRunUseCase retryRun,
      GetRunQuery getRun,
      ListRunsUseCase listRuns,
      MeterRegistry metrics) {
    this.submitRun = submitRun;
    this.retryRun = retryRun;
    this.getRun = getRun;
    this.listRuns = listRuns;
    this.metrics = new ApiMetrics(metrics);
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.post("/api/v1/agent/tasks", this::submit),
        Route.get("/api/v1/agent/tasks/{task_id}", this::get),
        Route.post("/api/v1/agent/tasks/{task_id}/retry", this::retry),
        Route.get("/api/v1/agent/tasks", this::list));
  }

  /** 201 with the queued run, or 403 insufficient_credits naming the run, now FAILED. */
  private Reply submit(Exchange ex) {
    var request = ex.body(Requests.SubmitTask.class);
    String key = ex.idempotencyKey();
    var command =
        Exchange.valid(() ->
            new SubmitRunCommand(
                ex.caller(), null, null, null, request.scheduleId(), request.prompt(), key));
    // The run is the key's record: admission claims the key and answers a replay in its own
    // transaction (DOMAIN.md rule 18), so no separate claim and answer are stored here.
    var outcome = submitRun.submit(command);
    metrics.run(outcome);
    return ex.reply(outcome, 201, Bodies::run);
  }

  private Reply get(Exchange ex) {
    var command = new RunCommand(ex.caller(), ex.task());
    return ex.reply(getRun.get(command), 200, Bodies::run);
  }

  private Reply retry(Exchange ex) {
    var command = new RunCommand(ex.caller(), ex.task());
    var outcome = retryRun.retry(command);
    metrics.run(outcome);
    return ex.reply(outcome, 200, Bodies::run);
  }

  private Reply list(Exchange ex) {
    var caller = ex.caller();
    String team = ex.query("team_id");
    String member = ex.query("member_id");
    var query =
        Exchange.valid(() ->
            new ListRunsQuery(
                caller,
                team == null ? null : new TeamId(team),
                member == null ? null : new MemberId(member),
                ListRunsQuery.state(ex.query("state")),
                ex.limit(ListRunsQuery.DEFAULT_LIMIT, ListRunsQuery.MAX_LIMIT),
                ex.query("cursor")));
    return ex.reply(listRuns.list(query), 200, Bodies::runPage);
  }
}
