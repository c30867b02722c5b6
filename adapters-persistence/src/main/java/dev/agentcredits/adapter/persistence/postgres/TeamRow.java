package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Team;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code teams}. */
record TeamRow(
    String teamId,
    String name,
    String plan,
    String ownerMemberId,
    long monthlySpendCapCents,
    Instant createdAt) {

  static final String COLUMNS =
      "team_id, name, plan, owner_member_id, monthly_spend_cap_cents, created_at";

  static TeamRow of(Team team) {
    return new TeamRow(
        team.id().value(),
        team.name(),
        team.plan().name(),
        team.owner().value(),
        team.monthlySpendCap().cents(),
        team.createdAt());
  }

  Team toTeam() {
    return new Team(
        new TeamId(teamId),
        name,
        Plan.valueOf(plan),
        new MemberId(ownerMemberId),
        Money.cents(monthlySpendCapCents),
        createdAt);
  }

  static TeamRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new TeamRow(
        rs.getString("team_id"),
        rs.getString("name"),
        rs.getString("plan"),
        rs.getString("owner_member_id"),
        rs.getLong("monthly_spend_cap_cents"),
        Rows.INSTANT.map(rs, "created_at", ctx));
  }
}
