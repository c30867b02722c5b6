package dev.agentcredits.adapter.rest;

import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.ResponseBodies;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.service.BillingApplication;
import dev.agentcredits.domain.shared.UsageId;
import java.util.List;

/** API.md "Runs": submit, read, report usage, complete and retry agent tasks. */
final class RunRoutes {
  private final BillingApplication app;
  private final IdempotentCalls idempotent;
  private final ApiMetrics metrics;

  RunRoutes(BillingApplication app, IdempotentCalls idempotent, ApiMetrics metrics) {
    this.app = app;
    this.idempotent = idempotent;
    this.metrics = metrics;
  }

  List<Route> routes() {
    return List.of(
        Route.post("/api/v1/agent/tasks", this::submit),
        Route.get("/api/v1/agent/tasks/{task_id}", this::get),
        Route.post("/api/v1/agent/tasks/{task_id}/usage", this::usage),
        Route.post("/api/v1/agent/tasks/{task_id}/complete", this::complete),
        Route.post("/api/v1/agent/tasks/{task_id}/retry", this::retry));
  }

  /** 201 with the queued run, or 403 insufficient_credits naming the run, now FAILED. */
  private Reply submit(Exchange ex) throws Exception {
    var request = ex.body(Requests.SubmitTask.class);
    String key = ex.idempotencyKey();
    var command =
        Exchange.valid(() ->
            new SubmitRunCommand(
                ex.caller(), null, null, null, request.scheduleId(), request.prompt(), key));
    return idempotent.run(
        ex,
        key,
        request,
        e -> {
          var outcome = app.submitRun().submit(command);
          metrics.run(outcome);
          return e.reply(outcome, 201, ResponseBodies::run);
        });
  }

  private Reply get(Exchange ex) {
    var command = new RunCommand(ex.caller(), ex.task());
    return ex.reply(app.getRun().get(command), 200, ResponseBodies::run);
  }

  /** The usage id is the idempotency key: a report sent again is answered as the first time. */
  private Reply usage(Exchange ex) throws Exception {
    var task = ex.task();
    var request = ex.body(Requests.Usage.class);
    var command =
        Exchange.valid(() ->
            new ReportUsageCommand(
                ex.caller(), task, new UsageId(request.usageId()), request.credits()));
    return idempotent.run(
        ex,
        request.usageId(),
        request,
        e -> e.reply(app.reportUsage().report(command), 200, ResponseBodies::run));
  }

  private Reply complete(Exchange ex) {
    var command = new RunCommand(ex.caller(), ex.task());
    return ex.reply(app.completeRun().complete(command), 200, ResponseBodies::run);
  }

  private Reply retry(Exchange ex) {
    var command = new RunCommand(ex.caller(), ex.task());
    var outcome = app.retryRun().retry(command);
    metrics.run(outcome);
    return ex.reply(outcome, 200, ResponseBodies::run);
  }
}
