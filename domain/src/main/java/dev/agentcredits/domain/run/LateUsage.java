package dev.agentcredits.domain.run;

import java.time.Duration;
import java.time.Instant;

/**
 * DOMAIN.md rule 27, the one place it is decided: usage reported on a run that has ended
 * (succeeded, cancelled, stopped or failed) within the window (24 h by default) of its end is real
 * consumption, charged as rule 3 says; later than that it is refused.
 */
public enum LateUsage {
  /** The run is still queued: usage as usual. */
  ON_TIME,
  /** The run ended no longer ago than the window: charged, to the waterfall (it holds nothing). */
  LATE,
  /** The run ended longer ago than the window: refused as a conflict, nothing changes. */
  TOO_LATE;

  public static LateUsage judge(Run run, Instant reportedAt, Duration window) {
    if (run.state().isOpen()) {
      return ON_TIME;
    }
    return reportedAt.isAfter(run.endedAt().plus(window)) ? TOO_LATE : LATE;
  }
}
