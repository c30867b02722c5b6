package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.instants;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.numbers;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.texts;

import java.time.Instant;
import java.util.List;

/**
 * Every source of some pools, one array per column; {@code pools} names the pools, so that one left
 * with no sources is known too.
 */
record SourceColumns(
    String[] pools,
    String[] poolId,
    String[] sourceId,
    String[] kind,
    Long[] remaining,
    Long[] reserved,
    Instant[] acquiredAt,
    Instant[] expiresAt) {

  /** Deletes the sources the pools no longer have; parameters {@code :source.*}. */
  static final String DELETE_GONE =
      "DELETE FROM credit_sources c WHERE c.pool_id = ANY(CAST(:source.pools AS text[]))"
          + " AND (c.pool_id, c.source_id) NOT IN (SELECT * FROM"
          + " unnest(CAST(:source.poolId AS text[]), CAST(:source.sourceId AS text[])))";

  /**
   * Inserts the new sources and updates the changed ones, leaving unchanged rows alone (no dead row
   * versions for them); parameters {@code :source.*}.
   */
  static final String SAVE =
      "INSERT INTO credit_sources AS c (pool_id, source_id, kind, remaining, reserved,"
          + " acquired_at, expires_at)"
          + " SELECT * FROM unnest(CAST(:source.poolId AS text[]),"
          + " CAST(:source.sourceId AS text[]), CAST(:source.kind AS text[]),"
          + " CAST(:source.remaining AS bigint[]), CAST(:source.reserved AS bigint[]),"
          + " CAST(:source.acquiredAt AS timestamptz[]), CAST(:source.expiresAt AS timestamptz[]))"
          + " ON CONFLICT (pool_id, source_id) DO UPDATE SET kind = excluded.kind,"
          + " remaining = excluded.remaining, reserved = excluded.reserved,"
          + " acquired_at = excluded.acquired_at, expires_at = excluded.expires_at"
          + " WHERE (c.kind, c.remaining, c.reserved, c.acquired_at, c.expires_at)"
          + " IS DISTINCT FROM (excluded.kind, excluded.remaining, excluded.reserved,"
          + " excluded.acquired_at, excluded.expires_at)";

  private record Owned(String poolId, SourceRow source) {}

  static SourceColumns of(List<PoolRow> pools) {
    List<Owned> sources =
        pools.stream()
            .flatMap(pool -> pool.sources().stream().map(s -> new Owned(pool.poolId(), s)))
            .toList();
    return new SourceColumns(
        texts(pools, PoolRow::poolId),
        texts(sources, Owned::poolId),
        texts(sources, s -> s.source().sourceId()),
        texts(sources, s -> s.source().kind()),
        numbers(sources, s -> s.source().remaining()),
        numbers(sources, s -> s.source().reserved()),
        instants(sources, s -> s.source().acquiredAt()),
        instants(sources, s -> s.source().expiresAt()));
  }
}
