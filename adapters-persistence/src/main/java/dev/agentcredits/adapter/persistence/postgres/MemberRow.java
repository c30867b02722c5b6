package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code members}. */
record MemberRow(String memberId, String teamId, String email, String role, Instant anchor) {
  static final String COLUMNS = "member_id, team_id, email, role, anchor";

  static MemberRow of(Member member) {
    return new MemberRow(
        member.id().value(),
        member.team().value(),
        member.email(),
        member.role().name(),
        member.anchor());
  }

  Member toMember() {
    return new Member(
        new MemberId(memberId), new TeamId(teamId), email, Role.valueOf(role), anchor);
  }

  static MemberRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new MemberRow(
        rs.getString("member_id"),
        rs.getString("team_id"),
        rs.getString("email"),
        rs.getString("role"),
        Rows.INSTANT.map(rs, "anchor", ctx));
  }
}
