package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A month is stored as the date of its first day. */
interface SpendDao {
  @SqlUpdate(
      "INSERT INTO team_month_spend (team_id, month, spent_cents) VALUES (:team, :month, 0)"
          + " ON CONFLICT (team_id, month) DO NOTHING")
  void create(@Bind("team") String team, @Bind("month") LocalDate month);

  @SqlQuery(
      "SELECT "
          + SpendRow.COLUMNS
          + " FROM team_month_spend WHERE team_id = :team AND month = :month"
          + " FOR NO KEY UPDATE")
  Optional<SpendRow> lock(@Bind("team") String team, @Bind("month") LocalDate month);

  @SqlQuery(
      "SELECT "
          + SpendRow.COLUMNS
          + " FROM team_month_spend WHERE team_id = :team AND month = :month")
  Optional<SpendRow> find(@Bind("team") String team, @Bind("month") LocalDate month);

  @SqlUpdate(
      "INSERT INTO team_month_spend (team_id, month, "
          + SpendRow.COLUMNS
          + ") VALUES (:team, :month, :spent, :percents, :announcedAt)"
          + " ON CONFLICT (team_id, month) DO UPDATE SET spent_cents = excluded.spent_cents,"
          + " announced_percents = excluded.announced_percents,"
          + " announced_at = excluded.announced_at")
  void save(
      @Bind("team") String team,
      @Bind("month") LocalDate month,
      @Bind("spent") long spent,
      @Bind("percents") Integer[] percents,
      @Bind("announcedAt") Instant announcedAt);
}
