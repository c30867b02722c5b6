package dev.agentcredits.application.port.out;

/**
 * Saves what a transaction decided ({@link WriteBatch}), inside that transaction: the one way pools
 * are changed and runs, usage reports and postings are written.
 */
public interface BatchWriter {
  /**
   * Writes the batch as one unit of the running transaction (or of one of its own, outside any):
   * pools first, then the ledger, runs, usage reports, members' figures and events, each kind in
   * the order given. A request key another run of the team holds fails the transaction with {@link
   * DuplicateKeyException}, at the latest when it commits; a usage id a run has seen, or a pool or
   * progressed run that does not exist, fails it too.
   */
  void write(WriteBatch batch);
}
