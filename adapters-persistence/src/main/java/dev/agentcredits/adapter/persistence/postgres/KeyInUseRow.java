package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.KeyInUse;
import dev.agentcredits.domain.team.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;

/** A key row joined with its member's role ({@link KeyUseDao#findInUse}). */
record KeyInUseRow(ApiKeyRow key, String memberRole) {
  static KeyInUseRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new KeyInUseRow(ApiKeyRow.map(rs, ctx), rs.getString("member_role"));
  }

  KeyInUse toKeyInUse() {
    return new KeyInUse(key.toApiKey(), memberRole == null ? null : Role.valueOf(memberRole));
  }
}
