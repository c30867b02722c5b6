package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.GetRunQuery;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.Views;

public final class GetRunService implements GetRunQuery {
  private final RunStore runs;
  private final TransactionRunner tx;

  public GetRunService(RunStore runs, TransactionRunner tx) {
    this.runs = runs;
    this.tx = tx;
  }

  @Override
  public Outcome<RunView> get(RunCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> runs.find(command.run()))
            .map(run -> Outcome.ok(Views.run(Access.visibleRun(command.caller(), run))))
            .orElseThrow(() -> Guard.refuse(Refusal.notFound("task " + command.run()))));
  }
}
