package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.result.LinkedHashMapRowReducer;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowReducer;

/** Pools with their sources, read in one statement: the pools joined with their sources. */
interface PoolDao {
  String WITH_SOURCES =
      "SELECT p.pool_id, p.kind, p.team_id, p.member_id, p.cycle_anchor, p.cycle_start, p.arrears,"
          + " p.auto_reload_enabled, p.auto_reload_denomination, p.auto_reload_threshold,"
          + " p.auto_reload_turned_off_by, p.reload_in_flight, p.due_at, p.closed_at, "
          + SourceRow.COLUMNS
          + " FROM pools p LEFT JOIN credit_sources s ON s.pool_id = p.pool_id";

  @SqlUpdate(
      "INSERT INTO pools ("
          + PoolRow.COLUMNS
          + ") VALUES (:poolId, :kind, :teamId, :memberId, :cycleAnchor, :cycleStart, :arrears,"
          + " :autoReloadEnabled, :autoReloadDenomination, :autoReloadThreshold,"
          + " :autoReloadTurnedOffBy, :reloadInFlight, :dueAt, :closedAt);\n"
          + SourceColumns.SAVE)
  void insert(@BindRecord PoolRow pool, @BindRecord("source") SourceColumns sources);

  @SqlQuery(WITH_SOURCES + " WHERE p.pool_id = :id")
  @UseRowReducer(Reducer.class)
  Optional<PoolRow> find(@Bind("id") String id);

  /**
   * Locks the pool's row ({@code FOR NO KEY UPDATE}: the strongest lock that still lets others
   * insert rows referring to the pool), then reads it with its sources (see {@link LockThenRead}: a
   * join that waited for the lock would show the sources as they were before it).
   */
  @SqlQuery(
      "SELECT 1 FROM pools WHERE pool_id = :id FOR NO KEY UPDATE;\n"
          + WITH_SOURCES
          + " WHERE p.pool_id = :id")
  @LockThenRead
  @UseRowReducer(Reducer.class)
  Optional<PoolRow> lock(@Bind("id") String id);

  @SqlQuery(WITH_SOURCES + " WHERE p.team_id = :team ORDER BY p.pool_id")
  @UseRowReducer(Reducer.class)
  List<PoolRow> ofTeam(@Bind("team") String team);

  @SqlQuery("SELECT pool_id FROM pools WHERE due_at <= :now ORDER BY due_at, pool_id LIMIT :limit")
  List<String> dueBy(@Bind("now") Instant now, @Bind("limit") int limit);

  /**
   * Folds the joined rows (one per source, or one with null source columns for a pool without any)
   * into one {@link PoolRow} per pool, in the order the pools come.
   */
  final class Reducer implements LinkedHashMapRowReducer<String, PoolRow> {
    @Override
    public void accumulate(Map<String, PoolRow> pools, RowView row) {
      PoolRow pool =
          pools.computeIfAbsent(
              row.getColumn("pool_id", String.class), id -> row.getRow(PoolRow.class));
      if (row.getColumn("source_id", String.class) != null) {
        pools.put(pool.poolId(), pool.with(row.getRow(SourceRow.class)));
      }
    }
  }
}
