package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.in.TimeKeepingUseCase;
import dev.agentcredits.application.port.out.ClockControl;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Moves the manual clock and then does the work the new time makes due (refreshes, expiries, hold
 * time-outs) before answering, so whoever moved time sees its effects at once.
 */
final class DueWorkOnAdvance implements ClockControl {
  /** Enough passes for many batches of due work; each pass handles at most one batch of each. */
  private static final int MAX_PASSES = 50;

  private final ManualClock clock;
  private final TimeKeepingUseCase timeKeeping;

  DueWorkOnAdvance(ManualClock clock, TimeKeepingUseCase timeKeeping) {
    this.clock = clock;
    this.timeKeeping = Objects.requireNonNull(timeKeeping, "timeKeeping");
  }

  @Override
  public Instant advance(Duration by) {
    Instant now = clock.advance(by);
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      TimeKeepingUseCase.Report report = timeKeeping.runDueWork();
      if (report.poolsAdvanced() + report.holdsExpired() + report.purchasesRecovered() == 0) {
        break;
      }
    }
    return now;
  }
}
