package dev.agentcredits.adapter.persistence.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** When something last happened to a pool: {@code pool_id}, {@code at}. */
record PoolTimeRow(String poolId, Instant at) {
  static PoolTimeRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PoolTimeRow(rs.getString("pool_id"), Rows.INSTANT.map(rs, "at", ctx));
  }
}
