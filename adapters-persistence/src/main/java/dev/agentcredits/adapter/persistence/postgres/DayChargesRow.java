package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.DailyCharges;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jdbi.v3.core.statement.StatementContext;

/** The charges of one UTC day: {@code day}, {@code credits}, {@code runs}. */
record DayChargesRow(LocalDate day, long credits, long runs) {
  static DayChargesRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new DayChargesRow(
        rs.getObject("day", LocalDate.class), rs.getLong("credits"), rs.getLong("runs"));
  }

  DailyCharges toCharges() {
    return new DailyCharges(day, credits, runs);
  }
}
