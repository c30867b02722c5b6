package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.WriteBatch;

/** A write batch as the stores' own writes, in the order {@link BatchWriter} gives. */
final class PostgresBatchWriter implements BatchWriter {
  private final PoolStore pools;
  private final RunStore runs;
  private final LedgerStore ledger;
  private final EventOutbox outbox;
  private final MemberLimitStore limits;

  PostgresBatchWriter(
      PoolStore pools,
      RunStore runs,
      LedgerStore ledger,
      EventOutbox outbox,
      MemberLimitStore limits) {
    this.pools = pools;
    this.runs = runs;
    this.ledger = ledger;
    this.outbox = outbox;
    this.limits = limits;
  }

  @Override
  public void write(WriteBatch batch) {
    batch.pools().forEach(update -> pools.update(update.pool(), update.dueAt()));
    batch.postingsByTeam().forEach(ledger::append);
    if (!batch.newRuns().isEmpty()) {
      runs.insertAll(batch.newRuns());
    }
    if (!batch.progressedRuns().isEmpty()) {
      runs.updateProgress(batch.progressedRuns());
    }
    if (!batch.usages().isEmpty()) {
      runs.recordUsages(batch.usages());
    }
    if (!batch.events().isEmpty()) {
      outbox.append(batch.events());
    }
    if (!batch.memberSpends().isEmpty()) {
      limits.keep(batch.memberSpends());
    }
  }
}
