package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.application.port.out.RunStore.NewRun;
import dev.agentcredits.application.port.out.RunStore.Usage;
import dev.agentcredits.application.port.out.WriteBatch.PoolUpdate;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * Writes of pools, postings, runs, usage reports and events, any number of rows each, as one JDBC
 * statement made of several SQL statements: the driver sends them in one round trip and the server
 * runs them in order. Each statement writes its rows from one array parameter per column ({@code
 * unnest}), so its text does not depend on how many rows there are. Only the kinds of rows given
 * are sent (an empty statement still costs the server several microseconds), in the order of the
 * methods here. An update of rows that must exist (pools, progressed runs) fails the write when it
 * changes fewer rows than it was given.
 */
final class WriteStatements {
  private record Existing(long rows, String what) {}

  private final List<String> statements = new ArrayList<>();
  private final List<RecordArguments> arguments = new ArrayList<>();
  private final Map<Integer, Existing> existing = new LinkedHashMap<>();

  /** Updates existing pools and their sources. */
  WriteStatements pools(List<PoolUpdate> updates) {
    if (updates.isEmpty()) {
      return this;
    }
    List<PoolRow> rows =
        updates.stream().map(update -> PoolRow.of(update.pool(), update.dueAt())).toList();
    existing(rows.stream().map(PoolRow::poolId).distinct().count(), "pools to update");
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

  /** Updates what running changes of existing runs. */
  WriteStatements progress(Collection<Run> runs) {
    if (runs.isEmpty()) {
      return this;
    }
    existing(runs.stream().map(Run::id).distinct().count(), "runs to progress");
    return add("progress", ProgressColumns.of(runs), ProgressColumns.UPDATE);
  }

  WriteStatements usages(List<Usage> usages) {
    if (usages.isEmpty()) {
      return this;
    }
    return add("usage", UsageColumns.of(usages), UsageColumns.INSERT);
  }

  /** Members' month-to-date figures (rule 24), kept while their pools are locked. */
  WriteStatements memberSpends(List<MemberLimitStore.Kept> figures) {
    if (figures.isEmpty()) {
      return this;
    }
    return add("spend", MemberSpendColumns.of(figures), MemberSpendColumns.UPSERT);
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
      List<Integer> counts = update.execute(WriteStatements::updateCounts);
      existing.forEach((index, expected) -> {
        long missing = expected.rows() - counts.get(index);
        if (missing != 0) {
          throw new IllegalStateException(missing + " of the " + expected.what() + " do not exist");
        }
      });
      return null;
    });
  }

  /** The row count of each SQL statement, in order; the round trip has brought them all. */
  private static List<Integer> updateCounts(
      Supplier<PreparedStatement> executed, StatementContext ctx) throws SQLException {
    try (ctx) {
      PreparedStatement statement = executed.get();
      List<Integer> counts = new ArrayList<>();
      for (int count = statement.getUpdateCount(); count != -1; count = next(statement)) {
        counts.add(count);
      }
      return counts;
    }
  }

  private static int next(PreparedStatement statement) throws SQLException {
    statement.getMoreResults();
    return statement.getUpdateCount();
  }

  /** The next statement added must change {@code rows} rows. */
  private void existing(long rows, String what) {
    existing.put(statements.size(), new Existing(rows, what));
  }

  private WriteStatements add(String prefix, Record columns, String... sql) {
    statements.addAll(List.of(sql));
    arguments.add(new RecordArguments(prefix, columns));
    return this;
  }
}
