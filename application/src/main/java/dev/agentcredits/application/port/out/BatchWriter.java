package dev.agentcredits.application.port.out;

/** Saves what a transaction decided ({@link WriteBatch}), inside that transaction. */
public interface BatchWriter {
  /**
   * Writes the batch as one unit of the running transaction: pools first, then the ledger, runs,
   * usage reports, events and members' figures. A request key another run of the team holds fails
   * the transaction with {@link DuplicateKeyException}, at the latest when it commits; a usage id a
   * run has seen fails it too.
   */
  void write(WriteBatch batch);
}
