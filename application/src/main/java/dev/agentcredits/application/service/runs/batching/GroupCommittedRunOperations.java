package dev.agentcredits.application.service.runs.batching;

import dev.agentcredits.application.service.batching.GroupCommit;
import dev.agentcredits.application.service.runs.RunOperation;
import dev.agentcredits.application.service.runs.RunOperations;
import dev.agentcredits.application.service.runs.RunOutcome;
import java.util.List;

/**
 * Group commit for operations on runs: those that arrive one by one queue in one lane, and its
 * leader hands what has queued to one transaction of the operations it wraps ({@link GroupCommit}),
 * so a hot pool is locked once per batch instead of once per request. One lane, since a run's pool
 * is only known once the run is read; the transaction locks its runs and pools in id order, so
 * batches of several instances never deadlock. Speed only: it knows no billing rule.
 */
public final class GroupCommittedRunOperations implements RunOperations {
  private static final String LANE = "runs";

  private final RunOperations operations;
  private final GroupCommit<String, RunOperation, RunOutcome> lanes;

  public GroupCommittedRunOperations(RunOperations operations) {
    this.operations = operations;
    this.lanes = new GroupCommit<>(operations::applyAll);
  }

  /** Operations given together are one transaction already; they pass straight through. */
  @Override
  public List<RunOutcome> applyAll(List<RunOperation> batch) {
    return operations.applyAll(batch);
  }

  @Override
  public RunOutcome apply(RunOperation operation) {
    return lanes.submit(LANE, operation);
  }
}
