package dev.agentcredits.application.service.timekeeping;

import dev.agentcredits.application.port.in.TimeKeepingUseCase.Report;
import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.time.Duration;
import java.time.Instant;

/** Deletes idempotency keys once they were kept their time (rule 18: at least 24 hours). */
public final class KeyPurge implements TimeKeepingJob {
  static final Duration KEY_RETENTION = Duration.ofHours(48);

  private final IdempotencyStore idempotency;
  private final TransactionRunner tx;

  public KeyPurge(IdempotencyStore idempotency, TransactionRunner tx) {
    this.idempotency = idempotency;
    this.tx = tx;
  }

  @Override
  public Report runDueBy(Instant now) {
    return Report.ofKeysPurged(
        tx.inTransaction(() -> idempotency.purgeCreatedBefore(now.minus(KEY_RETENTION))));
  }
}
