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
import java.time.OffsetDateTime;
import java.util.Map;

/** Rows of {@code run_usage}: a report, its credits, and what it was answered with. */
final class UsageRows {
  private UsageRows() {}

  static Usage map(ResultSet rs) throws SQLException {
    String state = rs.getString("answered_state");
    Answered answered =
        state == null
            ? null
            : new Answered(
                RunState.valueOf(state),
                failure(rs.getString("answered_failure")),
                rs.getLong("answered_charged"),
                rs.getLong("answered_held"));
    Instant at = rs.getObject("recorded_at", OffsetDateTime.class).toInstant();
    return new Usage(
        new RunId(rs.getString("run_id")),
        new UsageId(rs.getString("usage_id")),
        rs.getLong("credits"),
        at,
        answered);
  }

  static void putAnswer(Map<String, Object> row, Answered answered) {
    row.put("answeredState", answered == null ? null : answered.state().name());
    row.put(
        "answeredFailure",
        answered == null || answered.failure() == null ? null : answered.failure().name());
    row.put("answeredCharged", answered == null ? null : answered.charged());
    row.put("answeredHeld", answered == null ? null : answered.held());
  }

  private static RunFailure failure(String name) {
    return name == null ? null : RunFailure.valueOf(name);
  }
}
