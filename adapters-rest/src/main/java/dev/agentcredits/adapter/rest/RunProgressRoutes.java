package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.application.port.in.CancelRunUseCase;
import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.ReportUsageUseCase;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.domain.shared.UsageId;
import java.util.List;

/**
 * API.md "Runs" once a run is admitted: usage charged against its hold, then completion or
 * cancellation. Usage in batches is {@link UsageEventRoutes}.
 */
public final class RunProgressRoutes implements RouteGroup {
  private final ReportUsageUseCase reportUsage;
  private final CompleteRunUseCase completeRun;
  private final CancelRunUseCase cancelRun;

  public RunProgressRoutes(
      ReportUsageUseCase reportUsage, CompleteRunUseCase completeRun, CancelRunUseCase cancelRun) {
    this.reportUsage = reportUsage;
    this.completeRun = completeRun;
    this.cancelRun = cancelRun;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.post("/api/v1/agent/tasks/{task_id}/usage", this::usage),
        Route.post("/api/v1/agent/tasks/{task_id}/complete", this::complete),
        Route.post("/api/v1/agent/tasks/{task_id}/cancel", this::cancel));
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

  /** DOMAIN.md rule 21; a run already final is 409 conflict. */
  private Reply cancel(Exchange ex) {
    var command = new RunCommand(ex.caller(), ex.task());
    return ex.reply(cancelRun.cancel(command), 200, Bodies::run);
  }
}
