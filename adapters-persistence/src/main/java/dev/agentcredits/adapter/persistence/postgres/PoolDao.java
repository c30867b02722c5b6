package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Pools and their sources. A pool is written in one statement: its row, the sources it no longer
 * has deleted, and the ones that changed upserted (unchanged rows are left alone).
 */
interface PoolDao {
  String SAVE_SOURCES =
      " incoming AS (SELECT * FROM jsonb_to_recordset(CAST(:sources AS jsonb)) AS s(source_id text,"
          + " kind text, remaining bigint, reserved bigint, acquired_at timestamptz, expires_at"
          + " timestamptz)),"
          + " gone AS (DELETE FROM credit_sources c WHERE c.pool_id = :poolId"
          + " AND c.source_id NOT IN (SELECT source_id FROM incoming)),"
          + " saved AS (INSERT INTO credit_sources AS c (pool_id, "
          + SourceRow.COLUMNS
          + ") SELECT :poolId, "
          + SourceRow.COLUMNS
          + " FROM incoming ON CONFLICT (pool_id, source_id) DO UPDATE SET kind = excluded.kind,"
          + " remaining = excluded.remaining, reserved = excluded.reserved,"
          + " acquired_at = excluded.acquired_at, expires_at = excluded.expires_at"
          + " WHERE (c.kind, c.remaining, c.reserved, c.acquired_at, c.expires_at)"
          + " IS DISTINCT FROM (excluded.kind, excluded.remaining, excluded.reserved,"
          + " excluded.acquired_at, excluded.expires_at))";

  @SqlQuery(
      "WITH pool AS (INSERT INTO pools ("
          + PoolRow.COLUMNS
          + ") VALUES ("
          + PoolRow.VALUES
          + ") RETURNING pool_id),"
          + SAVE_SOURCES
          + " SELECT count(*) FROM pool")
  int insert(@BindMap Map<String, Object> pool);

  /** Answers 0 when there is no such pool; run deferred or as a query by the store. */
  String UPDATE =
      "WITH pool AS (UPDATE pools SET cycle_start = :cycleStart, arrears = :arrears,"
          + " auto_reload_enabled = :autoReloadEnabled,"
          + " auto_reload_denomination = :autoReloadDenomination,"
          + " auto_reload_threshold = :autoReloadThreshold,"
          + " auto_reload_turned_off_by = :autoReloadTurnedOffBy,"
          + " reload_in_flight = :reloadInFlight, due_at = :dueAt, closed_at = :closedAt"
          + " WHERE pool_id = :poolId RETURNING pool_id),"
          + SAVE_SOURCES
          + " SELECT count(*) FROM pool";

  @SqlQuery(
      "SELECT "
          + PoolRow.COLUMNS
          + ", "
          + SourceRow.JSON_OF_POOL
          + " AS sources"
          + " FROM pools p WHERE p.pool_id = :id")
  Optional<PoolRow> find(@Bind("id") String id);

  /**
   * Locks the pool row. Its sources are read by a separate statement on purpose: at READ COMMITTED
   * a statement that waited for the lock still reads other tables as of its start, so sources read
   * in the same statement could be older than the row it locked.
   */
  String LOCK =
      "SELECT "
          + PoolRow.COLUMNS
          + ", NULL AS sources FROM pools WHERE pool_id = :id"
          + " FOR NO KEY UPDATE";

  String SOURCES = "SELECT " + SourceRow.COLUMNS + " FROM credit_sources WHERE pool_id = :id";

  @SqlQuery(
      "SELECT "
          + PoolRow.COLUMNS
          + ", "
          + SourceRow.JSON_OF_POOL
          + " AS sources"
          + " FROM pools p WHERE p.team_id = :team ORDER BY p.pool_id")
  List<PoolRow> ofTeam(@Bind("team") String team);

  @SqlQuery("SELECT pool_id FROM pools WHERE due_at <= :now ORDER BY due_at, pool_id LIMIT :limit")
  List<String> dueBy(@Bind("now") Instant now, @Bind("limit") int limit);
}
