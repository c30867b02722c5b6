package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of the ledger; postings are appended by {@link WriteStatements}. */
interface LedgerDao {
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

  /** Each pool's newest posting's time, one index look-up per pool; pools without one left out. */
  @SqlQuery(
      "SELECT p.pool_id, last.at FROM unnest(:pools) AS p (pool_id) CROSS JOIN LATERAL"
          + " (SELECT at FROM ledger_postings l WHERE l.pool_id = p.pool_id"
          + " ORDER BY sequence DESC LIMIT 1) last")
  List<PoolTimeRow> lastPostedAt(@Bind("pools") String[] pools);
}
