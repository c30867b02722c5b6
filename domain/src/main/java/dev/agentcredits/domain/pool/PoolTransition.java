package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.event.DomainEvent;
import java.util.ArrayList;
import java.util.List;

/** A pool after a change, with the postings that explain it and the events it raised. */
public record PoolTransition(Pool pool, List<Posting> postings, List<DomainEvent> events) {
  public PoolTransition {
    postings = List.copyOf(postings);
    events = List.copyOf(events);
  }

  public static PoolTransition unchanged(Pool pool) {
    return new PoolTransition(pool, List.of(), List.of());
  }

  /** This change followed by {@code next}, which must start from this one's pool. */
  public PoolTransition then(PoolTransition next) {
    List<Posting> allPostings = new ArrayList<>(postings);
    allPostings.addAll(next.postings);
    List<DomainEvent> allEvents = new ArrayList<>(events);
    allEvents.addAll(next.events);
    return new PoolTransition(next.pool, allPostings, allEvents);
  }
}
