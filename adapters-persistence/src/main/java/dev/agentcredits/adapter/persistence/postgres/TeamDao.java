package dev.agentcredits.adapter.persistence.postgres;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface TeamDao {
  @SqlUpdate(
      "INSERT INTO teams ("
          + TeamRow.COLUMNS
          + ") VALUES (:teamId, :name, :plan, :ownerMemberId,"
          + " :monthlySpendCapCents, :createdAt)")
  void insert(@BindRecord TeamRow team);

  @SqlQuery("SELECT " + TeamRow.COLUMNS + " FROM teams WHERE team_id = :id")
  Optional<TeamRow> find(@Bind("id") String id);

  @SqlUpdate(
      "UPDATE teams SET monthly_spend_cap_cents = :monthlySpendCapCents WHERE team_id = :teamId")
  int updateSpendCap(@BindRecord TeamRow team);
}
