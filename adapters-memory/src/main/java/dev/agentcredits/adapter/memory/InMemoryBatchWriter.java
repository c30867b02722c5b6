package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.WriteBatch;

/**
 * A write batch as the stores' own writes, in the order {@link BatchWriter} gives, all or nothing:
 * the only way runs, pool changes, postings and members' figures are written.
 */
final class InMemoryBatchWriter implements BatchWriter {
  private final MemoryDatabase db;
  private final InMemoryPoolStore pools;
  private final InMemoryRunStore runs;
  private final InMemoryLedgerStore ledger;
  private final InMemoryEventOutbox outbox;
  private final InMemoryMemberLimitStore limits;

  InMemoryBatchWriter(
      MemoryDatabase db,
      InMemoryPoolStore pools,
      InMemoryRunStore runs,
      InMemoryLedgerStore ledger,
      InMemoryEventOutbox outbox,
      InMemoryMemberLimitStore limits) {
    this.db = db;
    this.pools = pools;
    this.runs = runs;
    this.ledger = ledger;
    this.outbox = outbox;
    this.limits = limits;
  }

  @Override
  public void write(WriteBatch batch) {
    db.run(() -> {
      batch.pools().forEach(update -> pools.update(update.pool(), update.dueAt()));
      batch.postingsByTeam().forEach(ledger::append);
      runs.insertAll(batch.newRuns());
      runs.updateProgress(batch.progressedRuns());
      runs.recordUsages(batch.usages());
      limits.keep(batch.memberSpends());
      outbox.append(batch.events());
    });
  }
}
