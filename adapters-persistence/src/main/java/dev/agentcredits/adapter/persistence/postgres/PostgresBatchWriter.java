package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.WriteBatch;

/**
 * A write batch in one round trip while its pools are locked: the pools with their sources, the
 * postings, the new and progressed runs, the usage reports, members' month-to-date figures and the
 * events, encoded by the outbox ({@link WriteStatements}).
 */
final class PostgresBatchWriter implements BatchWriter {
  private final JdbiTransactionRunner db;
  private final PostgresEventOutbox outbox;

  PostgresBatchWriter(JdbiTransactionRunner db, PostgresEventOutbox outbox) {
    this.db = db;
    this.outbox = outbox;
  }

  @Override
  public void write(WriteBatch batch) {
    new WriteStatements()
        .pools(batch.pools())
        .postings(batch.postingsByTeam())
        .newRuns(batch.newRuns())
        .progress(batch.progressedRuns())
        .usages(batch.usages())
        .memberSpends(batch.memberSpends())
        .events(outbox.encoded(batch.events()))
        .send(db);
  }
}
