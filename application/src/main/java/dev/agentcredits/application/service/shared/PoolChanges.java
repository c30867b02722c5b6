package dev.agentcredits.application.service.shared;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.WriteBatch;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PoolTransition;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects what one transaction does to pools (their new state, postings and events), to the runs
 * it moved on, the usage reports it charged and the members' figures it moved, and writes it all at
 * the end, so a use case reads as its decisions and not as its bookkeeping.
 */
public final class PoolChanges {
  private final PoolStore pools;
  private final BatchWriter writer;
  private final BillingTerms terms;
  private final Instant now;
  private final Map<PoolId, Pool> touched = new LinkedHashMap<>();
  private final List<Posting> postings = new ArrayList<>();
  private final List<DomainEvent> events = new ArrayList<>();
  private final List<RunStore.NewRun> newRuns = new ArrayList<>();
  private final Map<RunId, Run> progressedRuns = new LinkedHashMap<>();
  private final List<RunStore.Usage> usages = new ArrayList<>();
  private final List<MemberLimitStore.Kept> memberSpends = new ArrayList<>();

  public PoolChanges(PoolStore pools, BatchWriter writer, BillingTerms terms, Instant now) {
    this.pools = pools;
    this.writer = writer;
    this.terms = terms;
    this.now = now;
  }

  public Instant now() {
    return now;
  }

  /** The terms this transaction's pools are kept under. */
  public BillingTerms terms() {
    return terms;
  }

  /**
   * The pool as stored, neither locked nor brought up to date (to learn whose it is, or if any).
   */
  public Optional<Pool> find(PoolId id) {
    return pools.find(id);
  }

  /** Locks the pool and brings it up to date: refreshes and expiries that fell due are applied. */
  public Pool lockCurrent(PoolId id, Plan plan) {
    Pool pool = pools.lock(id).orElseThrow(() -> new IllegalStateException("no pool " + id));
    return apply(advance(pool, plan, terms, now));
  }

  /** A pool this transaction locked ({@link #lockCurrent}), as its changes so far left it. */
  public Pool current(PoolId id) {
    Pool pool = touched.get(id);
    if (pool == null) {
      throw new IllegalStateException("pool " + id + " is not locked in this transaction");
    }
    return pool;
  }

  /** The pool as it stands now, without locking or saving anything (for reads). */
  public static Pool currentView(Pool pool, Plan plan, BillingTerms terms, Instant now) {
    return advance(pool, plan, terms, now).pool();
  }

  private static PoolTransition advance(Pool pool, Plan plan, BillingTerms terms, Instant now) {
    return pool.advanceTo(now, terms.includedCredits(plan).value(), terms.cycleLength());
  }

  public Pool apply(PoolTransition transition) {
    touched.put(transition.pool().id(), transition.pool());
    postings.addAll(transition.postings());
    events.addAll(transition.events());
    return transition.pool();
  }

  public Pool replace(Pool pool) {
    touched.put(pool.id(), pool);
    return pool;
  }

  public void raise(DomainEvent event) {
    events.add(event);
  }

  public void raiseAll(List<DomainEvent> more) {
    events.addAll(more);
  }

  /** A run this transaction made, with the request key it was submitted under (or null). */
  public void insert(Run run, String requestKey) {
    newRuns.add(new RunStore.NewRun(run, requestKey));
  }

  /** A run this transaction moved on (its latest state is the one written). */
  public void progressed(Run run) {
    progressedRuns.put(run.id(), run);
  }

  /** A usage report this transaction charged. */
  public void recorded(RunStore.Usage usage) {
    usages.add(usage);
  }

  /** A member's figure against their monthly limit, as this transaction leaves it (rule 24). */
  public void kept(MemberLimitStore.Kept figure) {
    memberSpends.add(figure);
  }

  public void flush() {
    List<WriteBatch.PoolUpdate> updates = new ArrayList<>();
    for (Pool pool : touched.values()) {
      updates.add(
          new WriteBatch.PoolUpdate(pool, pool.nextDueAt(terms.cycleLength()).orElse(null)));
    }
    writer.write(
        new WriteBatch(
            updates,
            postings,
            newRuns,
            List.copyOf(progressedRuns.values()),
            usages,
            events,
            memberSpends));
    touched.clear();
    postings.clear();
    events.clear();
    newRuns.clear();
    progressedRuns.clear();
    usages.clear();
    memberSpends.clear();
  }
}
