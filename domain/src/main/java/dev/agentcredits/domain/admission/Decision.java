package dev.agentcredits.domain.admission;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.limit.MemberBudget;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PoolTransition;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.MemberId;
import java.util.List;

/** What admitting one run came to ({@link Admission#decide}). */
public sealed interface Decision {

  /** The pool as this decision leaves it. */
  default Pool poolAfter(Pool before) {
    return this instanceof Accepted accepted ? accepted.transition().pool() : before;
  }

  /**
   * The start hold is placed: {@code transition} is the pool after it, with its postings; {@code
   * events} come on top of the transition's. {@code topUp}: the hold left the pool at or below its
   * auto-reload threshold and a reload should follow.
   */
  record Accepted(Run run, PoolTransition transition, List<DomainEvent> events, boolean topUp)
      implements Decision {
    public Accepted {
      events = List.copyOf(events);
    }
  }

  /** The pool cannot fund the start hold: the run is FAILED with insufficient_credits. */
  record Refused(Run run, Shortfall shortfall, List<DomainEvent> events) implements Decision {
    public Refused {
      events = List.copyOf(events);
    }
  }

  /**
   * The start hold would take the member who started the run over their monthly limit (DOMAIN.md
   * rule 24): the run is FAILED with budget_exceeded.
   */
  record OverLimit(Run run, MemberBudget budget, List<DomainEvent> events) implements Decision {
    public OverLimit {
      events = List.copyOf(events);
    }
  }

  /**
   * The request was made before under its key and refused then for the member's limit: it is
   * refused again, with the limit as it stands now ({@code budget} null when none applies now).
   */
  record OverLimitAgain(Run earlier, MemberBudget budget) implements Decision {}

  /** The request was made before under its key: the run it made is the answer again. */
  record Replayed(Run earlier) implements Decision {}

  /**
   * The request was made before under its key and refused then: it is refused again, worded from
   * the pool as it is now, and starts nothing, even if the pool could pay now.
   */
  record RefusedAgain(Run earlier, Shortfall shortfall) implements Decision {}

  /** The request key was used before for another request (a conflict). */
  record KeyReused() implements Decision {}

  /** The pool is short but auto-reload may buy: reload (outside the lock) and ask again. */
  record NeedsReload() implements Decision {}

  /** The team's plan or owner is no longer the one the billed pool was resolved with. */
  record TeamChanged() implements Decision {}

  /** The billed pool is closed: its member was removed (DOMAIN.md rule 22). */
  record MemberRemoved(MemberId member) implements Decision {}
}
