package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

interface LedgerDao {
  String APPEND =
      "INSERT INTO ledger_postings (team_id, pool_id, kind, credits, source_id, source_kind,"
          + " run_id, reference, at) VALUES (:teamId, :poolId, :kind, :credits, :sourceId,"
          + " :sourceKind, :runId, :reference, :at)";

  /** Postings as a JSON array {@code :deferredPostings}; sequences follow the array's order. */
  String APPEND_JSON =
      "INSERT INTO ledger_postings (team_id, pool_id, kind, credits, source_id, source_kind,"
          + " run_id, reference, at) SELECT team_id, pool_id, kind, credits, source_id,"
          + " source_kind, run_id, reference, at FROM ROWS FROM (jsonb_to_recordset("
          + "CAST(:deferredPostings AS jsonb)) AS (team_id text, pool_id text, kind text,"
          + " credits bigint, source_id text, source_kind text, run_id text, reference text,"
          + " at timestamptz)) WITH ORDINALITY AS p(team_id, pool_id, kind, credits, source_id,"
          + " source_kind, run_id, reference, at, n) ORDER BY n";

  /** One batch, one round trip; sequences follow the order of the postings. */
  @SqlBatch(APPEND)
  void append(@BindMap List<Map<String, Object>> postings);

  /** Newest first; an empty {@code pools} array means every pool of the team. */
  @SqlQuery(
      "SELECT "
          + PostingRow.COLUMNS
          + " FROM ledger_postings WHERE team_id = :team"
          + " AND sequence < :before AND (cardinality(:pools) = 0 OR pool_id = ANY(:pools))"
          + " ORDER BY sequence DESC LIMIT :limit")
  List<PostingRow> page(
      @Bind("team") String team,
      @Bind("pools") String[] pools,
      @Bind("before") long before,
      @Bind("limit") int limit);

  @SqlQuery(
      "SELECT "
          + PostingRow.COLUMNS
          + " FROM ledger_postings WHERE pool_id = :pool"
          + " ORDER BY sequence")
  List<PostingRow> ofPool(@Bind("pool") String pool);

  /** A team's charges in [from, to), in every pool or the ones named. */
  String CHARGES =
      " FROM ledger_postings WHERE team_id = :team AND at >= :from AND at < :to"
          + " AND kind IN ('CHARGED', 'CHARGED_FROM_HOLD', 'ARREARS_INCURRED')"
          + " AND (cardinality(:pools) = 0 OR pool_id = ANY(:pools))";

  @SqlQuery(
      "SELECT (at AT TIME ZONE 'UTC')::date AS day, sum(credits) AS credits,"
          + " count(DISTINCT run_id) AS runs"
          + CHARGES
          + " GROUP BY day ORDER BY day")
  List<DayChargesRow> chargesByDay(
      @Bind("team") String team,
      @Bind("pools") String[] pools,
      @Bind("from") Instant from,
      @Bind("to") Instant to);

  @SqlQuery(
      "SELECT pool_id, sum(credits) AS credits"
          + CHARGES
          + " GROUP BY pool_id ORDER BY pool_id COLLATE \"C\"")
  List<PoolChargesRow> chargesByPool(
      @Bind("team") String team,
      @Bind("pools") String[] pools,
      @Bind("from") Instant from,
      @Bind("to") Instant to);
}
