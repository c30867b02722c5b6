package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.flags;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.instants;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.numbers;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.texts;

import java.time.Instant;
import java.util.List;

/**
 * What changes of pools, one array per column: their cycle, arrears, auto-reload, when they are due
 * and whether they closed (their kind, team, member and anchor never change).
 */
record PoolColumns(
    String[] poolId,
    Instant[] cycleStart,
    Long[] arrears,
    Boolean[] autoReloadEnabled,
    Long[] autoReloadDenomination,
    Long[] autoReloadThreshold,
    String[] autoReloadTurnedOffBy,
    String[] reloadInFlight,
    Instant[] dueAt,
    Instant[] closedAt) {

  /** Parameters {@code :pool.*}; its row count is the number of pools updated. */
  static final String UPDATE =
      "UPDATE pools p SET cycle_start = u.cycle_start, arrears = u.arrears,"
          + " auto_reload_enabled = u.auto_reload_enabled,"
          + " auto_reload_denomination = u.auto_reload_denomination,"
          + " auto_reload_threshold = u.auto_reload_threshold,"
          + " auto_reload_turned_off_by = u.auto_reload_turned_off_by,"
          + " reload_in_flight = u.reload_in_flight, due_at = u.due_at, closed_at = u.closed_at"
          + " FROM unnest(CAST(:pool.poolId AS text[]), CAST(:pool.cycleStart AS timestamptz[]),"
          + " CAST(:pool.arrears AS bigint[]), CAST(:pool.autoReloadEnabled AS boolean[]),"
          + " CAST(:pool.autoReloadDenomination AS bigint[]),"
          + " CAST(:pool.autoReloadThreshold AS bigint[]),"
          + " CAST(:pool.autoReloadTurnedOffBy AS text[]), CAST(:pool.reloadInFlight AS text[]),"
          + " CAST(:pool.dueAt AS timestamptz[]), CAST(:pool.closedAt AS timestamptz[]))"
          + " AS u(pool_id, cycle_start, arrears, auto_reload_enabled, auto_reload_denomination,"
          + " auto_reload_threshold, auto_reload_turned_off_by, reload_in_flight, due_at,"
          + " closed_at)"
          + " WHERE p.pool_id = u.pool_id";

  static PoolColumns of(List<PoolRow> pools) {
    return new PoolColumns(
        texts(pools, PoolRow::poolId),
        instants(pools, PoolRow::cycleStart),
        numbers(pools, PoolRow::arrears),
        flags(pools, PoolRow::autoReloadEnabled),
        numbers(pools, PoolRow::autoReloadDenomination),
        numbers(pools, PoolRow::autoReloadThreshold),
        texts(pools, PoolRow::autoReloadTurnedOffBy),
        texts(pools, PoolRow::reloadInFlight),
        instants(pools, PoolRow::dueAt),
        instants(pools, PoolRow::closedAt));
  }
}
