package dev.agentcredits.adapter.persistence.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code idempotency}, without its key; {@code outcome} is null while in flight. */
record IdempotencyRow(String fingerprint, Instant claimedAt, String outcome) {
  static final String COLUMNS = "fingerprint, claimed_at, outcome";

  static IdempotencyRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new IdempotencyRow(
        rs.getString("fingerprint"),
        Rows.INSTANT.map(rs, "claimed_at", ctx),
        rs.getString("outcome"));
  }
}
