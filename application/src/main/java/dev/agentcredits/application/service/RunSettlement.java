package dev.agentcredits.application.service;

import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;

/** Settles a locked, queued run: its unused hold goes back, and it is SUCCEEDED. */
final class RunSettlement {
  private final Stores stores;
  private final BillingTerms terms;
  private final Clock clock;

  RunSettlement(Stores stores, BillingTerms terms, Clock clock) {
    this.stores = stores;
    this.terms = terms;
    this.clock = clock;
  }

  /** Call inside a transaction, with the run locked. {@code settledBy} says why it settled. */
  Run settle(Run run, String settledBy) {
    Team team = stores.teams().find(run.team()).orElseThrow();
    PoolChanges changes = new PoolChanges(stores, terms, clock.instant());
    Pool pool = changes.lockCurrent(run.billedPool().poolId(), team.plan());
    changes.apply(pool.release(run.id(), run.hold(), changes.now()));
    Run done = run.completed(changes.now());
    stores.runs().update(done);
    changes.raise(
        BillingEvents.runBuilder(EventType.RUN_COMPLETED, done, changes.now())
            .with("settled_by", settledBy)
            .with("released_credits", run.hold().total())
            .build());
    changes.flush();
    return done;
  }
}
