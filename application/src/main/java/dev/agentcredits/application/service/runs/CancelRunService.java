package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.CancelRunUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;

/**
 * DOMAIN.md rule 21: a queued run is CANCELLED, its unused hold goes back as at completion; who may
 * cancel is who may complete. A run already final is a conflict (cancelling twice included).
 */
public final class CancelRunService implements CancelRunUseCase {
  private final RunStore runs;
  private final TransactionRunner tx;
  private final RunSettlement settlement;

  public CancelRunService(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      TransactionRunner tx,
      BillingTerms terms,
      Clock clock) {
    this.runs = runs;
    this.tx = tx;
    this.settlement = new RunSettlement(teams, pools, runs, batches, terms, clock);
  }

  @Override
  public Outcome<RunView> cancel(RunCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Run run =
              runs.lock(command.run())
                  .map(r -> Access.visibleRun(command.caller(), r))
                  .orElseThrow(() -> Guard.refuse(Refusal.notFound("task " + command.run())));
          if (!run.state().isOpen()) {
            throw Guard.refuse(
                Refusal.conflict(
                    "the task is already "
                        + run.state()
                        + "; only a QUEUED task can be cancelled"));
          }
          return Outcome.ok(Views.run(settlement.cancel(run)));
        }));
  }
}
