package dev.agentcredits.application.port.out.contract;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.RunStore.NewRun;
import dev.agentcredits.application.port.out.RunStore.Usage;
import dev.agentcredits.application.port.out.WriteBatch;
import dev.agentcredits.application.port.out.WriteBatch.PoolUpdate;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.run.Run;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aBatch().pool(pool, dueAt).postings(..).writeTo(stores().batches())}: the tests write what
 * they set up the way use cases do, through {@link BatchWriter}. Postings must be on a pool of the
 * batch, as they are in a use case's.
 */
public final class WriteBatchBuilder {
  private final List<PoolUpdate> pools = new ArrayList<>();
  private final List<Posting> postings = new ArrayList<>();
  private final List<NewRun> newRuns = new ArrayList<>();
  private final List<Run> progressedRuns = new ArrayList<>();
  private final List<Usage> usages = new ArrayList<>();
  private final List<DomainEvent> events = new ArrayList<>();

  private WriteBatchBuilder() {}

  public static WriteBatchBuilder aBatch() {
    return new WriteBatchBuilder();
  }

  public WriteBatchBuilder pool(Pool pool, Instant dueAt) {
    pools.add(new PoolUpdate(pool, dueAt));
    return this;
  }

  public WriteBatchBuilder postings(List<Posting> values) {
    postings.addAll(values);
    return this;
  }

  public WriteBatchBuilder newRun(Run run, String requestKey) {
    newRuns.add(new NewRun(run, requestKey));
    return this;
  }

  public WriteBatchBuilder progressed(Run... runs) {
    progressedRuns.addAll(List.of(runs));
    return this;
  }

  public WriteBatchBuilder usages(Usage... values) {
    usages.addAll(List.of(values));
    return this;
  }

  public WriteBatchBuilder events(List<DomainEvent> values) {
    events.addAll(values);
    return this;
  }

  public WriteBatch build() {
    return new WriteBatch(pools, postings, newRuns, progressedRuns, usages, events);
  }

  /** Outside a transaction, in one of its own. */
  public void writeTo(BatchWriter batches) {
    batches.write(build());
  }
}
