package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A member with their team's default limit, their own and their kept figure (the month as the date
 * of its first day, null when none is kept), as {@code MemberLimitDao.standings} reads them.
 */
record MemberStandingRow(
    String memberId,
    String teamId,
    Long defaultMonthlyCredits,
    Long monthlyCredits,
    LocalDate month,
    long chargedCredits,
    long heldCredits) {

  static MemberStandingRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new MemberStandingRow(
        rs.getString("member_id"),
        rs.getString("team_id"),
        Rows.nullableLong(rs, "default_monthly_credits"),
        Rows.nullableLong(rs, "monthly_credits"),
        rs.getObject("month", LocalDate.class),
        rs.getLong("charged_credits"),
        rs.getLong("held_credits"));
  }

  MemberLimitStore.Standing toStanding() {
    MemberSpend kept =
        month == null ? null : new MemberSpend(YearMonth.from(month), chargedCredits, heldCredits);
    return new MemberLimitStore.Standing(
        new MemberId(memberId), new TeamId(teamId), defaultMonthlyCredits, monthlyCredits, kept);
  }
}
