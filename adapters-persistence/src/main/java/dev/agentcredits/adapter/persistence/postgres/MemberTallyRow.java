package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.domain.limit.MemberSpend;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import org.jdbi.v3.core.statement.StatementContext;

/** What a member's runs were charged in a month and what those still queued hold. */
record MemberTallyRow(long charged, long held) {
  static MemberTallyRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new MemberTallyRow(rs.getLong("charged"), rs.getLong("held"));
  }

  MemberSpend in(YearMonth month) {
    return new MemberSpend(month, charged, held);
  }
}
