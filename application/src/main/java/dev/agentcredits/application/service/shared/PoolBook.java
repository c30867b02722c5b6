package dev.agentcredits.application.service.shared;

import dev.agentcredits.application.port.in.view.PoolView;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pools, for the use cases that change or show them: a transaction opens its {@link
 * PoolChanges} here at the clock's now, and a read sees a pool as it stands now (the refreshes and
 * expiries that fell due applied to the view, nothing saved).
 */
public final class PoolBook {
  private final PoolStore pools;
  private final BatchWriter writer;
  private final BillingTerms terms;
  private final Clock clock;

  public PoolBook(PoolStore pools, BatchWriter writer, BillingTerms terms, Clock clock) {
    this.pools = pools;
    this.writer = writer;
    this.terms = terms;
    this.clock = clock;
  }

  /** The pool changes of one transaction, at the clock's now. */
  public PoolChanges open() {
    return new PoolChanges(pools, writer, terms, clock.instant());
  }

  /** Call inside a transaction: saves a new pool and brings it up to date as of {@code now}. */
  public void add(Pool pool, Plan plan, Instant now) {
    pools.insert(pool, pool.nextDueAt(terms.cycleLength()).orElse(null));
    PoolChanges changes = new PoolChanges(pools, writer, terms, now);
    changes.lockCurrent(pool.id(), plan);
    changes.flush();
  }

  /** The pool as stored, neither locked nor brought up to date. */
  public Optional<Pool> find(PoolId id) {
    return pools.find(id);
  }

  /** The team's pools as stored, neither locked nor brought up to date. */
  public List<Pool> ofTeam(TeamId team) {
    return pools.ofTeam(team);
  }

  /** A stored pool as it stands now. */
  public Pool asOfNow(Pool stored, Plan plan) {
    return PoolChanges.currentView(stored, plan, terms, clock.instant());
  }

  /** A stored pool as it stands now, as its holder sees it. */
  public PoolView view(Pool stored, Plan plan) {
    return Views.pool(asOfNow(stored, plan), terms.cycleLength());
  }
}
