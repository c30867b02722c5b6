package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.RunStore.NewRun;
import dev.agentcredits.application.port.out.RunStore.Usage;
import dev.agentcredits.application.port.out.WriteBatch.PoolUpdate;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.TeamId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Update;

/**
 * Writes of pools, postings, runs, usage reports and events, any number of rows each, as one JDBC
 * statement made of several SQL statements: the driver sends them in one round trip and the server
 * runs them in order. Each statement writes its rows from one array parameter per column ({@code
 * unnest}), so its text does not depend on how many rows there are. Only the kinds of rows given
 * are sent (an empty statement still costs the server several microseconds), in the order of the
 * methods here: pools first, so that their row count is the one the driver answers.
 */
final class WriteStatements {
  private final List<String> statements = new ArrayList<>();
  private final List<RecordArguments> arguments = new ArrayList<>();
  private int pools;

  /** Updates existing pools and their sources; a pool that does not exist fails the write. */
  WriteStatements pools(List<PoolUpdate> updates) {
    if (updates.isEmpty()) {
      return this;
    }
    if (!statements.isEmpty()) {
      throw new IllegalStateException("pools are written first");
    }
    List<PoolRow> rows =
        updates.stream().map(update -> PoolRow.of(update.pool(), update.dueAt())).toList();
    pools = (int) rows.stream().map(PoolRow::poolId).distinct().count();
    return add("pool", PoolColumns.of(rows), PoolColumns.UPDATE)
        .add("source", SourceColumns.of(rows), SourceColumns.DELETE_GONE, SourceColumns.SAVE);
  }

  WriteStatements postings(Map<TeamId, List<Posting>> byTeam) {
    if (byTeam.values().stream().allMatch(List::isEmpty)) {
      return this;
    }
    return add("posting", PostingColumns.of(byTeam), PostingColumns.INSERT);
  }

  WriteStatements newRuns(List<NewRun> runs) {
    if (runs.isEmpty()) {
      return this;
    }
    return add("run", NewRunColumns.of(runs), NewRunColumns.INSERT);
  }

  WriteStatements progress(Collection<Run> runs) {
    if (runs.isEmpty()) {
      return this;
    }
    return add("progress", ProgressColumns.of(runs), ProgressColumns.UPDATE);
  }

  WriteStatements usages(List<Usage> usages) {
    if (usages.isEmpty()) {
      return this;
    }
    return add("usage", UsageColumns.of(usages), UsageColumns.INSERT);
  }

  WriteStatements events(List<EncodedEvent> events) {
    if (events.isEmpty()) {
      return this;
    }
    return add("event", EventColumns.of(events), EventColumns.INSERT);
  }

  /** Sends the statements on the running transaction's handle, or in a transaction of their own. */
  void send(JdbiTransactionRunner db) {
    if (statements.isEmpty()) {
      return;
    }
    db.withHandle(handle -> {
      Update update = handle.createUpdate(String.join(";\n", statements));
      arguments.forEach(update::bindNamedArgumentFinder);
      int updated = update.execute();
      if (pools > 0 && updated != pools) {
        throw new IllegalStateException(pools - updated + " of the pools to update do not exist");
      }
      return null;
    });
  }

  private WriteStatements add(String prefix, Record columns, String... sql) {
    statements.addAll(List.of(sql));
    arguments.add(new RecordArguments(prefix, columns));
    return this;
  }
}
