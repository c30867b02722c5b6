package dev.agentcredits.adapter.persistence.postgres;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Writes of one transaction whose results nobody reads (new runs, ledger postings, outbox events,
 * the update of a pool this transaction locked), held back until the transaction's next statement
 * or its commit and then sent together: the statements joined into one, which the driver sends as
 * one round trip and the server runs one after the other, in the order they were made. An admission
 * batch writes its runs, its pool, its postings and its events this way, in one round trip instead
 * of four, which shortens the time the pool's row stays locked. A failing write fails the
 * transaction, as it would have at once; only its exception comes at the flush.
 */
final class DeferredWrites {
  /** A statement and its named parameters; the names must differ from other deferred kinds'. */
  record Write(String sql, Map<String, Object> params) {}

  private final List<Write> pending = new ArrayList<>();

  /** Whether a write of this statement is pending: its parameters would clash, flush first. */
  boolean holds(String sql) {
    return pending.stream().anyMatch(w -> w.sql().equals(sql));
  }

  void add(Write write) {
    pending.add(write);
  }

  void flush(Handle handle) {
    if (pending.isEmpty()) {
      return;
    }
    List<Write> writes = List.copyOf(pending);
    pending.clear();
    if (writes.size() == 1) {
      handle.createUpdate(writes.get(0).sql()).bindMap(writes.get(0).params()).execute();
      return;
    }
    StringBuilder sql = new StringBuilder();
    Map<String, Object> params = new HashMap<>();
    for (Write write : writes) {
      if (!sql.isEmpty()) {
        sql.append(";\n");
      }
      sql.append(write.sql());
      params.putAll(write.params());
    }
    handle.createUpdate(sql.toString()).bindMap(params).execute();
  }
}
