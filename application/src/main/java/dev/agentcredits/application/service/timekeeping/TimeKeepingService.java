package dev.agentcredits.application.service.timekeeping;

import dev.agentcredits.application.port.in.TimeKeepingUseCase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What time does: a pass runs each job it is given, in order, as of one instant (refreshes and
 * expiries, rules 9 and 10; holds past their time to live, rule 14; purchases interrupted between
 * payment and credit; idempotency keys and relayed events past their keeping time).
 */
public final class TimeKeepingService implements TimeKeepingUseCase {
  private final Clock clock;
  private final List<TimeKeepingJob> jobs;

  public TimeKeepingService(Clock clock, List<TimeKeepingJob> jobs) {
    this.clock = clock;
    this.jobs = List.copyOf(jobs);
  }

  @Override
  public Report runDueWork() {
    Instant now = clock.instant();
    Report report = Report.NOTHING;
    for (TimeKeepingJob job : jobs) {
      report = report.plus(job.runDueBy(now));
    }
    return report;
  }
}
