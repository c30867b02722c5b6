package dev.agentcredits.adapter.persistence.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** The deliveries counted by state, and the oldest pending one's creation. */
record WebhookBacklogRow(long pending, long delivered, long failed, Instant oldestPendingSince) {

  static WebhookBacklogRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new WebhookBacklogRow(
        rs.getLong("pending"),
        rs.getLong("delivered"),
        rs.getLong("failed"),
        Rows.INSTANT.map(rs, "oldest_pending", ctx));
  }
}
