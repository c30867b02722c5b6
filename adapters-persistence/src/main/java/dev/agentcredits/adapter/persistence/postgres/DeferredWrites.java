package dev.agentcredits.adapter.persistence.postgres;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
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

  private static final Map<String, Pattern> PARAMETERS = new ConcurrentHashMap<>();

  private final List<Write> pending = new ArrayList<>();
  private final Map<String, Integer> repeats = new HashMap<>();

  /**
   * Another write of a statement already pending (a batch updating several pools, say) gets its
   * parameters renamed, {@code :id} to {@code :id_2}, so that both go in the same round trip.
   */
  void add(Write write) {
    int seen = repeats.merge(write.sql(), 1, Integer::sum);
    pending.add(seen == 1 ? write : renamed(write, "_" + seen));
  }

  private static Write renamed(Write write, String suffix) {
    String sql = write.sql();
    Map<String, Object> params = new HashMap<>();
    for (Map.Entry<String, Object> param : write.params().entrySet()) {
      String name = param.getKey();
      sql =
          PARAMETERS
              .computeIfAbsent(name, DeferredWrites::reference)
              .matcher(sql)
              .replaceAll(":" + name + suffix);
      params.put(name + suffix, param.getValue());
    }
    return new Write(sql, params);
  }

  /** {@code :name} as a parameter, not part of a longer name nor of a {@code ::} cast. */
  private static Pattern reference(String name) {
    return Pattern.compile("(?<!:):" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
  }

  void flush(Handle handle) {
    if (pending.isEmpty()) {
      return;
    }
    List<Write> writes = List.copyOf(pending);
    pending.clear();
    repeats.clear();
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
