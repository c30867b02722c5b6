package dev.agentcredits.application.service.timekeeping;

import dev.agentcredits.application.port.in.TimeKeepingUseCase.Report;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.time.Duration;
import java.time.Instant;

/** Relayed events are kept a week for inspection, then deleted; the ledger is the record. */
public final class EventPurge implements TimeKeepingJob {
  static final Duration PUBLISHED_EVENT_RETENTION = Duration.ofDays(7);

  /** Deletes in bounded batches, so a pass never holds a long transaction. */
  static final int PURGE_BATCH = 10_000;

  private final EventOutbox outbox;
  private final TransactionRunner tx;

  public EventPurge(EventOutbox outbox, TransactionRunner tx) {
    this.outbox = outbox;
    this.tx = tx;
  }

  @Override
  public Report runDueBy(Instant now) {
    return Report.ofEventsPurged(
        tx.inTransaction(
            () -> outbox.purgePublishedBefore(now.minus(PUBLISHED_EVENT_RETENTION), PURGE_BATCH)));
  }
}
