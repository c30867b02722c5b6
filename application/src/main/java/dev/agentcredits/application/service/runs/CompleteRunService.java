package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;

/** DOMAIN.md rule 4: completion settles the run; completing it again answers the same. */
public final class CompleteRunService implements CompleteRunUseCase {
  private final TeamStore teams;
  private final PoolStore pools;
  private final RunStore runs;
  private final LedgerStore ledger;
  private final EventOutbox outbox;
  private final TransactionRunner tx;
  private final RunSettlement settlement;

  public CompleteRunService(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      LedgerStore ledger,
      EventOutbox outbox,
      TransactionRunner tx,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.runs = runs;
    this.ledger = ledger;
    this.outbox = outbox;
    this.tx = tx;
    this.settlement = new RunSettlement(teams, pools, runs, ledger, outbox, terms, clock);
  }

  @Override
  public Outcome<RunView> complete(RunCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Run run =
              runs.lock(command.run())
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
