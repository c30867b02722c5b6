package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.IdempotencyStore.IdempotencyRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code idempotency}, without its key. */
record IdempotencyRow(String fingerprint, Instant claimedAt, Integer status, String body) {
  static final String COLUMNS = "fingerprint, claimed_at, status, body";

  IdempotencyRecord toRecord() {
    return new IdempotencyRecord(fingerprint, claimedAt, status, body);
  }

  static IdempotencyRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new IdempotencyRow(
        rs.getString("fingerprint"),
        Rows.INSTANT.map(rs, "claimed_at", ctx),
        Rows.nullableInt(rs, "status"),
        rs.getString("body"));
  }
}
