package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Members; a removed member keeps its row, with when it was removed. */
interface MemberDao {
  /** Inserts the member unless the team already has one with that email (any case): 1 or 0. */
  @SqlUpdate(
      "INSERT INTO members ("
          + MemberRow.COLUMNS
          + ") VALUES (:memberId, :teamId, :email, :role,"
          + " :anchor) ON CONFLICT (team_id, lower(email)) WHERE removed_at IS NULL DO NOTHING")
  int insert(@BindRecord MemberRow member);

  String FIND =
      "SELECT " + MemberRow.COLUMNS + " FROM members WHERE member_id = :id AND removed_at IS NULL";

  @SqlQuery(FIND)
  Optional<MemberRow> find(@Bind("id") String id);

  @SqlQuery(FIND + " FOR UPDATE")
  Optional<MemberRow> lock(@Bind("id") String id);

  @SqlQuery("SELECT " + MemberRow.COLUMNS + " FROM members WHERE member_id = :id")
  Optional<MemberRow> findEver(@Bind("id") String id);

  @SqlQuery(
      "SELECT "
          + MemberRow.COLUMNS
          + " FROM members WHERE team_id = :team AND removed_at IS NULL"
          + " ORDER BY anchor, member_id")
  List<MemberRow> ofTeam(@Bind("team") String team);

  @SqlUpdate("UPDATE members SET removed_at = :at WHERE member_id = :id AND removed_at IS NULL")
  int remove(@Bind("id") String id, @Bind("at") Instant at);
}
