package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.WriteBatch;

/**
 * A write batch in two round trips while its pools are locked: the pools with their sources, the
 * postings, the new and progressed runs and the usage reports as one ({@link WriteStatements}),
 * then the events, through the outbox.
 */
final class PostgresBatchWriter implements BatchWriter {
  private final JdbiTransactionRunner db;
  private final EventOutbox outbox;

  PostgresBatchWriter(JdbiTransactionRunner db, EventOutbox outbox) {
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
        .send(db);
    if (!batch.events().isEmpty()) {
      outbox.append(batch.events());
    }
  }
}
