package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Settles a locked, queued run: its unused hold goes back, and it is SUCCEEDED (or CANCELLED, rule
 * 21: what was charged stays charged either way).
 */
public final class RunSettlement {
  private final TeamStore teams;
  private final PoolStore pools;
  private final RunStore runs;
  private final BatchWriter batches;
  private final BillingTerms terms;
  private final Clock clock;

  public RunSettlement(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.runs = runs;
    this.batches = batches;
    this.terms = terms;
    this.clock = clock;
  }

  /** Call inside a transaction, with the run locked. {@code settledBy} says why it settled. */
  public Run settle(Run run, String settledBy) {
    return release(
        run,
        run::completed,
        (done, at) -> BillingEvents.settled(done, settledBy, run.hold().total(), at));
  }

  /** Call inside a transaction, with the run locked: the hold goes back as at completion. */
  public Run cancel(Run run) {
    return release(
        run, run::cancelled, (done, at) -> BillingEvents.cancelled(done, run.hold().total(), at));
  }

  private Run release(
      Run run, Function<Instant, Run> nextState, BiFunction<Run, Instant, DomainEvent> event) {
    Team team = teams.find(run.team()).orElseThrow();
    PoolChanges changes = new PoolChanges(pools, batches, terms, clock.instant());
    changes.lockCurrent(run.billedPool().poolId(), team.plan());
    Run done = releaseLocked(run, nextState, event, changes);
    runs.update(done);
    changes.flush();
    return done;
  }

  /**
   * With the run and its pool locked by this transaction: completion (rule 4) as {@link #settle}
   * does it, for a caller that holds the locks already.
   */
  static Run completeLocked(Run run, PoolChanges changes) {
    return releaseLocked(
        run,
        run::completed,
        (done, at) -> BillingEvents.settled(done, "completed", run.hold().total(), at),
        changes);
  }

  /** The run's unused hold goes back to its locked pool; the run moves on and says so. */
  static Run releaseLocked(
      Run run,
      Function<Instant, Run> nextState,
      BiFunction<Run, Instant, DomainEvent> event,
      PoolChanges changes) {
    Pool pool = changes.current(run.billedPool().poolId());
    changes.apply(pool.release(run.id(), run.hold(), changes.now()));
    Run done = nextState.apply(changes.now());
    changes.raise(event.apply(done, changes.now()));
    return done;
  }
}
