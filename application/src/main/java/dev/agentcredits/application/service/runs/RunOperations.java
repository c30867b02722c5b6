package dev.agentcredits.application.service.runs;

import java.util.List;

/**
 * Applies operations on runs, in one transaction: {@link ApplyRunOperations} does it, and a
 * decorator may group operations that arrive one by one into shared transactions.
 */
public interface RunOperations {
  /** The operations in one transaction, in order; one outcome each. */
  List<RunOutcome> applyAll(List<RunOperation> operations);

  /** One operation, in a transaction of its own (or shared with others, by a decorator). */
  default RunOutcome apply(RunOperation operation) {
    return applyAll(List.of(operation)).getFirst();
  }
}
