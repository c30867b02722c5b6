package dev.agentcredits.application.service.timekeeping;

import dev.agentcredits.application.port.in.TimeKeepingUseCase.Report;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.runs.RunOperation;
import dev.agentcredits.application.service.runs.RunOperations;
import dev.agentcredits.application.service.runs.RunOutcome;
import dev.agentcredits.domain.shared.RunId;
import java.time.Duration;
import java.time.Instant;

/**
 * DOMAIN.md rule 14: a hold not settled within its time to live since the run's last usage report
 * is settled as if the run had completed, each run in a transaction of its own.
 */
public final class HoldExpiry implements TimeKeepingJob {
  private final RunStore runs;
  private final RunOperations operations;
  private final TransactionRunner tx;
  private final Duration timeToLive;

  public HoldExpiry(
      RunStore runs, RunOperations operations, TransactionRunner tx, Duration timeToLive) {
    this.runs = runs;
    this.operations = operations;
    this.tx = tx;
    this.timeToLive = timeToLive;
  }

  /** Settles up to {@link #BATCH} runs idle since before {@code now}; says how many settled. */
  @Override
  public Report runDueBy(Instant now) {
    int settled = 0;
    for (RunId id : tx.inTransaction(() -> runs.idleSince(now.minus(timeToLive), BATCH))) {
      if (operations.apply(new RunOperation.SettleIdle(id)) instanceof RunOutcome.Done done
          && done.changed()) {
        settled++;
      }
    }
    return Report.ofHoldsExpired(settled);
  }
}
