package dev.agentcredits.domain.run;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PoolTransition;
import java.time.Instant;
import java.util.List;

/**
 * A queued run's unused hold goes back to the sources it came from (rule 16; plan credits of a
 * cycle that has ended are not given back), and the run ends for the reason given.
 */
public final class HoldRelease {
  private HoldRelease() {}

  /** Why a hold goes back, which says what the run becomes and what it announces. */
  public enum Why {
    /** Rule 4. */
    COMPLETED,
    /** Rule 14: idle past the hold's time to live, settled as if completed. */
    HOLD_EXPIRED,
    /** Rule 21. */
    CANCELLED,
    /** Rule 5: nobody can pay for it. */
    STOPPED,
    /** Rule 24: a charge left the member who started it over their monthly limit. */
    OVER_LIMIT
  }

  /** {@code run} is queued and {@code pool} is its billed pool. */
  public static RunDecision.Moved release(Run run, Pool pool, Why why, Instant now) {
    if (!run.state().isOpen() || !pool.id().equals(run.billedPool().poolId())) {
      throw new IllegalArgumentException("only a queued run's own pool takes its hold back");
    }
    PoolTransition released = pool.release(run.id(), run.hold(), now);
    Run ended =
        switch (why) {
          case COMPLETED, HOLD_EXPIRED -> run.completed(now);
          case CANCELLED -> run.cancelled(now);
          case STOPPED -> run.stoppedForCredits(now);
          case OVER_LIMIT -> run.stopped(RunFailure.BUDGET_EXCEEDED, now);
        };
    long held = run.hold().total();
    DomainEvent event =
        switch (why) {
          case COMPLETED ->
              RunEvents.changed(EventType.RUN_COMPLETED, ended, now, "completed", held);
          case HOLD_EXPIRED ->
              RunEvents.changed(EventType.RUN_COMPLETED, ended, now, "hold_expired", held);
          case CANCELLED ->
              RunEvents.changed(EventType.RUN_CANCELLED, ended, now, "cancelled", held);
          case STOPPED, OVER_LIMIT -> RunEvents.changed(EventType.RUN_STOPPED, ended, now);
        };
    PoolTransition change =
        released.then(new PoolTransition(released.pool(), List.of(), List.of(event)));
    return new RunDecision.Moved(ended, change, null, RunDecision.Next.NOTHING);
  }
}
