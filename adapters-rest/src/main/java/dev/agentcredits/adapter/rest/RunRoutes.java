package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.application.port.in.CancelRunUseCase;
import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.GetRunQuery;
import dev.agentcredits.application.port.in.ListRunsQuery;
import dev.agentcredits.application.port.in.ListRunsUseCase;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.ReportUsageUseCase;
import dev.agentcredits.application.port.in.RetryRunUseCase;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.SubmitRunUseCase;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import java.util.List;

/** API.md "Runs": submit, read, report usage, complete and retry agent tasks. */
final class RunRoutes {
  private final SubmitRunUseCase submitRun;
  private final GetRunQuery getRun;
  private final ReportUsageUseCase reportUsage;
  private final CompleteRunUseCase completeRun;
  private final RetryRunUseCase retryRun;
  private final ListRunsUseCase listRuns;
  private final CancelRunUseCase cancelRun;
  private final ApiMetrics metrics;

  RunRoutes(RestUseCases useCases, ApiMetrics metrics) {
    this.submitRun = useCases.submitRun();
    this.getRun = useCases.getRun();
    this.reportUsage = useCases.reportUsage();
    this.completeRun = useCases.completeRun();
    this.retryRun = useCases.retryRun();
    this.listRuns = useCases.listRuns();
    this.cancelRun = useCases.cancelRun();
    this.metrics = metrics;
  }

  List<Route> routes() {
    return List.of(
        Route.post("/api/v1/agent/tasks", this::submit),
        Route.get("/api/v1/agent/tasks/{task_id}", this::get),
        Route.post("/api/v1/agent/tasks/{task_id}/usage", this::usage),
        Route.post("/api/v1/agent/tasks/{task_id}/complete", this::complete),
        Route.post("/api/v1/agent/tasks/{task_id}/retry", this::retry),
        Route.get("/api/v1/agent/tasks", this::list),
        Route.post("/api/v1/agent/tasks/{task_id}/cancel", this::cancel));
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

  /**
   * The usage id is the idempotency key, and the run's usage record its claim: a report sent again
   * is answered from the run, in the charge's own transaction.
   */
  private Reply usage(Exchange ex) {
    var task = ex.task();
    var request = ex.body(Requests.Usage.class);
    var command =
        Exchange.valid(() ->
            new ReportUsageCommand(
                ex.caller(), task, new UsageId(request.usageId()), request.credits()));
    return ex.reply(reportUsage.report(command), 200, Bodies::run);
  }

  private Reply complete(Exchange ex) {
    var command = new RunCommand(ex.caller(), ex.task());
    return ex.reply(completeRun.complete(command), 200, Bodies::run);
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

  /** DOMAIN.md rule 21; a run already final is 409 conflict. */
  private Reply cancel(Exchange ex) {
    var command = new RunCommand(ex.caller(), ex.task());
    return ex.reply(cancelRun.cancel(command), 200, Bodies::run);
  }
}
