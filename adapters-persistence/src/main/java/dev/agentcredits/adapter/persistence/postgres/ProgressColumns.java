package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.instants;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.numbers;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.texts;

import dev.agentcredits.domain.run.Run;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What running changes of runs (state, hold, charge, failure, last activity, end), one array per
 * column; who started them and what they bill stay as they are.
 */
record ProgressColumns(
    String[] runId,
    String[] state,
    String[] hold,
    Long[] charged,
    String[] failure,
    Instant[] lastActivityAt,
    Instant[] endedAt) {

  /** Parameters {@code :progress.*}. */
  static final String UPDATE =
      "UPDATE runs r SET state = u.state, hold = u.hold, charged = u.charged,"
          + " failure = u.failure, last_activity_at = u.last_activity_at, ended_at = u.ended_at"
          + " FROM unnest(CAST(:progress.runId AS text[]), CAST(:progress.state AS text[]),"
          + " CAST(:progress.hold AS jsonb[]), CAST(:progress.charged AS bigint[]),"
          + " CAST(:progress.failure AS text[]), CAST(:progress.lastActivityAt AS timestamptz[]),"
          + " CAST(:progress.endedAt AS timestamptz[]))"
          + " AS u(run_id, state, hold, charged, failure, last_activity_at, ended_at)"
          + " WHERE r.run_id = u.run_id";

  static ProgressColumns of(Collection<Run> runs) {
    List<RunRow> rows = runs.stream().map(RunRow::of).toList();
    return new ProgressColumns(
        texts(rows, RunRow::runId),
        texts(rows, RunRow::state),
        texts(rows, RunRow::hold),
        numbers(rows, RunRow::charged),
        texts(rows, RunRow::failure),
        instants(rows, RunRow::lastActivityAt),
        instants(rows, RunRow::endedAt));
  }
}
