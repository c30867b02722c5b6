package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Limits and kept figures (V12); a month is stored as the date of its first day. */
interface MemberLimitDao {
  /** Each member's team, limits and kept figure, for {@code ids}, in one statement. */
  @SqlQuery(
      "SELECT m.member_id, m.team_id, d.default_monthly_credits, o.monthly_credits,"
          + " k.month, k.charged_credits, k.held_credits"
          + " FROM members m"
          + " LEFT JOIN team_member_limits d ON d.team_id = m.team_id"
          + " LEFT JOIN member_limits o ON o.member_id = m.member_id"
          + " LEFT JOIN member_month_credits k ON k.member_id = m.member_id"
          + " WHERE m.member_id = ANY(:ids)")
  List<MemberStandingRow> standings(@Bind("ids") String[] ids);

  /**
   * What the member's USER runs were charged in [from, to) and what those still queued hold. A
   * report's run was active when it was charged, so runs idle since before {@code from} are
   * skipped.
   */
  @SqlQuery(
      "SELECT"
          + " (SELECT coalesce(sum(u.credits), 0) FROM runs r JOIN run_usage u ON u.run_id = r.run_id"
          + "   WHERE r.team_id = :team AND r.triggered_by = :member AND r.trigger = 'USER'"
          + "     AND r.last_activity_at >= :from AND u.recorded_at >= :from"
          + "     AND u.recorded_at < :to) AS charged,"
          + " (SELECT coalesce(sum((h ->> 'credits')::bigint), 0)"
          + "   FROM runs r CROSS JOIN LATERAL jsonb_array_elements(r.hold) h"
          + "   WHERE r.team_id = :team AND r.triggered_by = :member AND r.trigger = 'USER'"
          + "     AND r.state = 'QUEUED') AS held")
  MemberTallyRow tally(
      @Bind("team") String team,
      @Bind("member") String member,
      @Bind("from") Instant from,
      @Bind("to") Instant to);

  @SqlQuery("SELECT default_monthly_credits FROM team_member_limits WHERE team_id = :team")
  Optional<Long> teamDefault(@Bind("team") String team);

  @SqlUpdate(
      "INSERT INTO team_member_limits (team_id, default_monthly_credits) VALUES (:team, :credits)"
          + " ON CONFLICT (team_id) DO UPDATE SET default_monthly_credits = excluded.default_monthly_credits")
  void setTeamDefault(@Bind("team") String team, @Bind("credits") long credits);

  @SqlUpdate("DELETE FROM team_member_limits WHERE team_id = :team")
  void removeTeamDefault(@Bind("team") String team);

  @SqlUpdate(
      "INSERT INTO member_limits (member_id, team_id, monthly_credits)"
          + " VALUES (:member, :team, :credits)"
          + " ON CONFLICT (member_id) DO UPDATE SET monthly_credits = excluded.monthly_credits")
  void setOwn(
      @Bind("team") String team, @Bind("member") String member, @Bind("credits") long credits);

  @SqlUpdate("DELETE FROM member_limits WHERE member_id = :member")
  void removeOwn(@Bind("member") String member);
}
