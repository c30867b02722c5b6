package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.batching.GroupCommit;
import dev.agentcredits.application.service.runs.RunBatch.Result;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.List;

/**
 * Usage reports and completions that arrive one by one share transactions: they queue in one lane
 * and its leader applies what has queued together ({@link GroupCommit}, {@link RunBatch}). One
 * lane, since a run's pool is only known once the run is read; a batch locks its runs and pools in
 * id order, so batches of several instances never deadlock. Shared by the usage and completion use
 * cases so that their operations on one pool share batches too.
 */
public final class RunOperations {
  private final TransactionRunner tx;
  private final RunBatch batch;
  private final GroupCommit<String, RunOperation, Result> lane;

  public RunOperations(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      TransactionRunner tx,
      BillingTerms terms,
      Clock clock) {
    this.tx = tx;
    this.batch = new RunBatch(teams, pools, runs, batches, terms, clock);
    this.lane = new GroupCommit<>(this::applyAll);
  }

  /** One operation, committed with whatever else has queued meanwhile. */
  Result apply(RunOperation operation) {
    return lane.submit("runs", operation);
  }

  /** Operations in one transaction of their own; one result each, in order. */
  List<Result> applyAll(List<RunOperation> operations) {
    return tx.inTransaction(() -> batch.apply(operations));
  }
}
