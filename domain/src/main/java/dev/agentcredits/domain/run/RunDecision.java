package dev.agentcredits.domain.run;

import dev.agentcredits.domain.pool.PoolTransition;
import java.util.Objects;

/**
 * What a billing rule decided for one run (DOMAIN.md rules 3, 4, 5, 14, 21, 27), before anything is
 * saved: the caller saves it and answers with it.
 */
public sealed interface RunDecision {

  /**
   * The run moved on. {@code change} is its billed pool afterwards, with the postings that explain
   * it and every event the decision raised (the pool's and the run's), in order; {@code usage} the
   * usage report to keep (null when none was charged); {@code next} what the commit asks for.
   */
  record Moved(Run run, PoolTransition change, UsageRecord usage, Next next)
      implements RunDecision {
    public Moved {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(next, "next");
    }
  }

  /** Nothing changes; the run is answered as it is (completed again, or not due). */
  record Unchanged(Run run) implements RunDecision {}

  /** The usage id was reported before with the same credits: its first answer is given again. */
  record Replayed(Run run) implements RunDecision {}

  /** Nothing changes and the caller is told why. */
  record Refused(Reason reason, String detail) implements RunDecision {}

  enum Reason {
    /** The request contradicts what the run already is or saw. */
    CONFLICT,
    /** The run is in no state to do this. */
    INVALID
  }

  /** What a charge asks for once it is committed, outside any lock (rules 5 and 6). */
  enum Next {
    NOTHING,
    /** The pool may reload and is at or below its threshold. */
    TOP_UP,
    /** The queued run's pool owes credits that a reload may pay; unpaid, the run is stopped. */
    PAY_ARREARS
  }
}
