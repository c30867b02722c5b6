package dev.agentcredits.application.service;

import dev.agentcredits.application.port.in.GetRunQuery;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;

public final class GetRunService implements GetRunQuery {
  private final Stores stores;
  private final TransactionRunner tx;

  GetRunService(Stores stores, TransactionRunner tx) {
    this.stores = stores;
    this.tx = tx;
  }

  @Override
  public Outcome<RunView> get(RunCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> stores.runs().find(command.run()))
            .map(run -> Outcome.ok(Views.run(Access.visibleRun(command.caller(), run))))
            .orElseThrow(() -> Guard.refuse(Refusal.notFound("task " + command.run()))));
  }
}
