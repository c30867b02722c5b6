package dev.agentcredits.domain.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool with every posting and event it ever produced, so tests can replay the ledger against the
 * balances after each step. Built by {@link PoolBuilder}.
 */
final class TrackedPool {
  static final Duration CYCLE = Duration.ofDays(30);

  private final long includedPerCycle;
  private final List<Posting> postings = new ArrayList<>();
  private final List<DomainEvent> events = new ArrayList<>();
  private Pool pool;

  TrackedPool(Pool pool, long includedPerCycle) {
    this.pool = pool;
    this.includedPerCycle = includedPerCycle;
  }

  Pool pool() {
    return pool;
  }

  List<Posting> postings() {
    return List.copyOf(postings);
  }

  List<DomainEvent> events() {
    return List.copyOf(events);
  }

  long includedPerCycle() {
    return includedPerCycle;
  }

  /** Records a transition that starts from the current pool. */
  PoolTransition apply(PoolTransition transition) {
    pool = transition.pool();
    postings.addAll(transition.postings());
    events.addAll(transition.events());
    return transition;
  }

  /** Replaces the pool without a posting: for settings such as auto-reload. */
  void replace(Pool changed) {
    pool = changed;
  }

  PoolTransition advanceTo(Instant now) {
    return apply(pool.advanceTo(now, includedPerCycle, CYCLE));
  }

  Hold reserve(String run, long credits, Instant now) {
    ReserveOutcome outcome = pool.reserve(new RunId(run), credits, now);
    assertThat(outcome)
        .as("reserve %d for %s", credits, run)
        .isInstanceOf(ReserveOutcome.Reserved.class);
    ReserveOutcome.Reserved reserved = (ReserveOutcome.Reserved) outcome;
    apply(reserved.transition());
    return reserved.hold();
  }

  ChargeOutcome charge(String run, Hold hold, String usage, long credits, Instant now) {
    ChargeOutcome outcome = pool.charge(new RunId(run), hold, usage, credits, now);
    apply(outcome.transition());
    return outcome;
  }

  PoolTransition release(String run, Hold hold, Instant now) {
    return apply(pool.release(new RunId(run), hold, now));
  }

  PoolTransition credit(CreditSource source, Instant now) {
    return apply(pool.credit(source, source.id().value(), now));
  }

  CreditSource source(String id) {
    return pool.source(new SourceId(id)).orElseThrow(() -> new AssertionError("no source " + id));
  }

  boolean hasSource(String id) {
    return pool.source(new SourceId(id)).isPresent();
  }

  /** The ledger explains the pool exactly. */
  void assertReconciles() {
    assertThat(Reconciliation.matches(pool, postings))
        .as("postings %s explain %s", postings, pool)
        .isTrue();
  }

  long sum(PostingKind kind) {
    return postings.stream().filter(p -> p.kind() == kind).mapToLong(Posting::credits).sum();
  }

  List<Posting> postingsOf(PostingKind kind) {
    return postings.stream().filter(p -> p.kind() == kind).toList();
  }
}
