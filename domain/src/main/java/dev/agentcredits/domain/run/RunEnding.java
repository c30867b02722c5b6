package dev.agentcredits.domain.run;

import dev.agentcredits.domain.pool.Pool;
import java.time.Duration;
import java.time.Instant;

/**
 * The ways a queued run ends with its hold going back ({@link HoldRelease}). {@code pool} is the
 * run's billed pool as it stands; it is read only when the run is queued (null will do otherwise).
 */
public final class RunEnding {
  private RunEnding() {}

  /**
   * Rule 4: completion settles the run; completing a SUCCEEDED run again answers it as it is; any
   * other ended run cannot complete.
   */
  public static RunDecision complete(Run run, Pool pool, Instant now) {
    if (run.state() == RunState.SUCCEEDED) {
      return new RunDecision.Unchanged(run);
    }
    if (!run.state().isOpen()) {
      String why = run.failure() == null ? "" : " (" + run.failure().code() + ")";
      return new RunDecision.Refused(
          RunDecision.Reason.INVALID,
          "the task is " + run.state() + why + " and cannot complete; retry it instead");
    }
    return HoldRelease.release(run, pool, HoldRelease.Why.COMPLETED, now);
  }

  /** Rule 21: only a queued run can be cancelled; what was charged stays charged. */
  public static RunDecision cancel(Run run, Pool pool, Instant now) {
    if (!run.state().isOpen()) {
      return new RunDecision.Refused(
          RunDecision.Reason.CONFLICT,
          "the task is already " + run.state() + "; only a QUEUED task can be cancelled");
    }
    return HoldRelease.release(run, pool, HoldRelease.Why.CANCELLED, now);
  }

  /** Rule 5: a queued run whose pool still owes credits (nobody paid them) is stopped. */
  public static RunDecision stopForCredits(Run run, Pool pool, Instant now) {
    if (!run.state().isOpen() || pool.arrears() == 0) {
      return new RunDecision.Unchanged(run);
    }
    return HoldRelease.release(run, pool, HoldRelease.Why.STOPPED, now);
  }

  /** Rule 14: a hold idle past its time to live is settled as if the run had completed. */
  public static RunDecision settleIdle(Run run, Pool pool, Duration timeToLive, Instant now) {
    if (!run.holdExpiredAt(now, timeToLive)) {
      return new RunDecision.Unchanged(run);
    }
    return HoldRelease.release(run, pool, HoldRelease.Why.HOLD_EXPIRED, now);
  }
}
