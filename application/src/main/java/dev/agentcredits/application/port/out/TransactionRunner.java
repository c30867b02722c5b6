package dev.agentcredits.application.port.out;

import java.util.function.Supplier;

/**
 * Runs a use case as one atomic unit. The work may be run again after a transient failure, so it
 * must have no effect outside the stores it uses.
 */
public interface TransactionRunner {
  <T> T inTransaction(Supplier<T> work);
}
