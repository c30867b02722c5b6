package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.RunStore.Answered;
import dev.agentcredits.application.port.out.RunStore.Usage;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.UsageId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row of {@code run_usage}: a report, its credits, and what it was answered with (the {@code
 * answered_*} columns, null for reports recorded before answers were kept).
 */
record UsageRow(
    String runId,
    String usageId,
    long credits,
    Instant recordedAt,
    String answeredState,
    String answeredFailure,
    Long answeredCharged,
    Long answeredHeld) {

  static final String COLUMNS =
      "run_id, usage_id, credits, recorded_at, answered_state, answered_failure,"
          + " answered_charged, answered_held";

  static UsageRow of(Usage usage) {
    Answered answered = usage.answered();
    return new UsageRow(
        usage.run().value(),
        usage.usage().value(),
        usage.credits(),
        usage.at(),
        answered == null ? null : answered.state().name(),
        answered == null || answered.failure() == null ? null : answered.failure().name(),
        answered == null ? null : answered.charged(),
        answered == null ? null : answered.held());
  }

  Usage toUsage() {
    Answered answered =
        answeredState == null
            ? null
            : new Answered(
                RunState.valueOf(answeredState),
                answeredFailure == null ? null : RunFailure.valueOf(answeredFailure),
                answeredCharged,
                answeredHeld);
    return new Usage(new RunId(runId), new UsageId(usageId), credits, recordedAt, answered);
  }

  static UsageRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new UsageRow(
        rs.getString("run_id"),
        rs.getString("usage_id"),
        rs.getLong("credits"),
        Rows.INSTANT.map(rs, "recorded_at", ctx),
        rs.getString("answered_state"),
        rs.getString("answered_failure"),
        Rows.nullableLong(rs, "answered_charged"),
        Rows.nullableLong(rs, "answered_held"));
  }
}
