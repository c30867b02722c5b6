package dev.agentcredits.application.service;

import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;

/** DOMAIN.md rule 4: completion settles the run; completing it again answers the same. */
public final class CompleteRunService implements CompleteRunUseCase {
  private final Stores stores;
  private final TransactionRunner tx;
  private final RunSettlement settlement;

  CompleteRunService(Stores stores, TransactionRunner tx, BillingTerms terms, Clock clock) {
    this.stores = stores;
    this.tx = tx;
    this.settlement = new RunSettlement(stores, terms, clock);
  }

  @Override
  public Outcome<RunView> complete(RunCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Run run =
              stores
                  .runs()
                  .lock(command.run())
                  .map(r -> Access.visibleRun(command.caller(), r))
                  .orElseThrow(() -> Guard.refuse(Refusal.notFound("task " + command.run())));
          if (run.state() == RunState.SUCCEEDED) {
            return Outcome.ok(Views.run(run));
          }
          if (!run.state().isOpen()) {
            String why = run.failure() == null ? "" : " (" + run.failure().code() + ")";
            throw Guard.refuse(
                Refusal.invalid(
                    "the task is " + run.state() + why + " and cannot complete; retry it instead"));
          }
          return Outcome.ok(Views.run(settlement.settle(run, "completed")));
        }));
  }
}
