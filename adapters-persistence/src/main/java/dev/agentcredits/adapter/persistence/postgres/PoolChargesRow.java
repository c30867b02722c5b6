package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.PoolCharges;
import dev.agentcredits.domain.shared.PoolId;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;

/** The charges of one pool: {@code pool_id}, {@code credits}. */
record PoolChargesRow(String poolId, long credits) {
  static PoolChargesRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PoolChargesRow(rs.getString("pool_id"), rs.getLong("credits"));
  }

  PoolCharges toCharges() {
    return new PoolCharges(new PoolId(poolId), credits);
  }
}
