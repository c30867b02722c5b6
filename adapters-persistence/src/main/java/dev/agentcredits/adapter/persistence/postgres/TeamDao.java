package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface TeamDao {
  @SqlUpdate(
      "INSERT INTO teams ("
          + TeamRow.COLUMNS
          + ") VALUES (:teamId, :name, :plan, :ownerMemberId,"
          + " :monthlySpendCapCents, :createdAt)")
  void insert(@BindMap Map<String, Object> team);

  String FIND = "SELECT " + TeamRow.COLUMNS + " FROM teams WHERE team_id = :id";

  @SqlQuery(FIND)
  Optional<TeamRow> find(@Bind("id") String id);

  @SqlUpdate(
      "UPDATE teams SET monthly_spend_cap_cents = :monthlySpendCapCents WHERE team_id = :teamId")
  int updateSpendCap(@BindMap Map<String, Object> team);

  /** Inserts the member unless the team already has one with that email (any case): 1 or 0. */
  @SqlUpdate(
      "INSERT INTO members ("
          + MemberRow.COLUMNS
          + ") VALUES (:memberId, :teamId, :email, :role,"
          + " :anchor) ON CONFLICT (team_id, lower(email)) WHERE removed_at IS NULL DO NOTHING")
  int insertMember(@BindMap Map<String, Object> member);

  String FIND_MEMBER =
      "SELECT " + MemberRow.COLUMNS + " FROM members WHERE member_id = :id AND removed_at IS NULL";

  String FIND_MEMBER_EVER = "SELECT " + MemberRow.COLUMNS + " FROM members WHERE member_id = :id";

  @SqlQuery(FIND_MEMBER_EVER)
  Optional<MemberRow> findMemberEver(@Bind("id") String id);

  @SqlQuery(
      "SELECT "
          + MemberRow.COLUMNS
          + " FROM members WHERE team_id = :team AND removed_at IS NULL"
          + " ORDER BY anchor, member_id")
  List<MemberRow> members(@Bind("team") String team);

  @SqlUpdate("UPDATE members SET removed_at = :at WHERE member_id = :id AND removed_at IS NULL")
  int removeMember(@Bind("id") String id, @Bind("at") Instant at);
}
