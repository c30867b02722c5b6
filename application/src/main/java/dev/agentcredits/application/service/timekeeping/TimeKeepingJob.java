package dev.agentcredits.application.service.timekeeping;

import dev.agentcredits.application.port.in.TimeKeepingUseCase.Report;
import java.time.Instant;

/**
 * One kind of work that falls due with time, done in small transactions so that it never holds a
 * pool for long; it says what it did as its share of the pass's report.
 */
public interface TimeKeepingJob {
  /** At most this many items of each kind per pass; the next pass takes the rest. */
  int BATCH = 100;

  Report runDueBy(Instant now);
}
