package dev.agentcredits.bench;

import dev.agentcredits.adapter.persistence.postgres.PostgresPersistence;
import dev.agentcredits.adapter.wire.CloudEventEncoder;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PoolBalances;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.pool.Reconciliation;
import dev.agentcredits.domain.shared.PoolId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a run must pass before any of its figures is reported, read straight from the
 * service's database after the load: every pool is explained by its ledger postings ({@link
 * Reconciliation#matches}), no source holds more than it has and no pool is below zero beyond its
 * recorded arrears, every open hold and every charge of every run is matched by postings to the
 * credit, and the driver's own count of answers agrees with the runs stored.
 */
final class Invariants implements AutoCloseable {
  private final PostgresPersistence persistence;
  private final Connection sql;
  private final List<Check> checks = new ArrayList<>();

  /** One check: which workload it vouches for, what it checked, and what it found. */
  record Check(String workload, String name, boolean passed, String detail) {}

  /** What the runs of a set of pools add up to, as stored. */
  record RunTotals(
      long runs, long queued, long succeeded, long failed, long held, long charged, long used) {}

  /** One stored usage report. */
  interface UsageRow {
    void accept(String runId, String usageId, long credits);
  }

  Invariants(Service.Database db) throws SQLException {
    this.persistence =
        db.schema() == null
            ? PostgresPersistence.connect(
                db.url(), db.user(), db.password(), new CloudEventEncoder())
            : PostgresPersistence.connect(
                db.url(), db.user(), db.password(), db.schema(), new CloudEventEncoder());
    this.sql = DriverManager.getConnection(db.url(), db.user(), db.password());
    if (db.schema() != null) {
      try (Statement s = sql.createStatement()) {
        s.execute("SET search_path TO " + db.schema());
      }
    }
  }

  List<Check> checks() {
    return List.copyOf(checks);
  }

  boolean passed(String workload) {
    return checks.stream().filter(c -> c.workload().equals(workload)).allMatch(Check::passed);
  }

  void check(String workload, String name, boolean passed, String detail) {
    checks.add(new Check(workload, name, passed, detail));
  }

  /** The ledger, source and hold checks over {@code pools}; answers what their runs add up to. */
  RunTotals pools(String workload, List<String> pools) throws SQLException {
    Stores stores = persistence.stores();
    Map<String, Long> heldByRuns = heldByQueuedRuns(pools);
    int unexplained = 0;
    int overdrawn = 0;
    int holdMismatch = 0;
    long held = 0;
    String firstBad = null;
    for (String id : pools) {
      Pool pool =
          stores.pools().find(new PoolId(id)).orElseThrow(() -> new IllegalStateException(id));
      List<Posting> postings = stores.ledger().ofPool(pool.id());
      if (!Reconciliation.matches(pool, postings)) {
        unexplained++;
        firstBad = firstBad == null ? id : firstBad;
      }
      PoolBalances balances = pool.balances();
      boolean sourcesSound =
          pool.sources().stream().allMatch(s -> s.reserved() >= 0 && s.reserved() <= s.remaining());
      if (!sourcesSound || balances.available() < -pool.arrears()) {
        overdrawn++;
        firstBad = firstBad == null ? id : firstBad;
      }
      long reserved = pool.sources().stream().mapToLong(CreditSource::reserved).sum();
      if (reserved != heldByRuns.getOrDefault(id, 0L)) {
        holdMismatch++;
        firstBad = firstBad == null ? id : firstBad;
      }
      held += reserved;
    }
    String where = firstBad == null ? "" : "; first: " + firstBad;
    check(
        workload,
        "ledger explains every pool (Reconciliation.matches)",
        unexplained == 0,
        pools.size() + " pools, " + unexplained + " not explained" + where);
    check(
        workload,
        "no source overdrawn, no pool below zero beyond its arrears",
        overdrawn == 0,
        pools.size() + " pools, " + overdrawn + " overdrawn" + where);
    check(
        workload,
        "credits reserved in each pool = open holds of its queued runs",
        holdMismatch == 0,
        holdMismatch + " pools differ; " + held + " credits held");
    return runs(workload, pools);
  }

  private Map<String, Long> heldByQueuedRuns(List<String> pools) throws SQLException {
    Map<String, Long> held = new HashMap<>();
    try (PreparedStatement s =
        sql.prepareStatement(
            "SELECT billed_pool_id, sum((h->>'credits')::bigint) FROM runs,"
                + " jsonb_array_elements(hold) h WHERE state = 'QUEUED'"
                + " AND billed_pool_id = ANY(?) GROUP BY billed_pool_id")) {
      s.setArray(1, sql.createArrayOf("text", pools.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          held.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return held;
  }

  /**
   * Per run: the hold stored with it equals RESERVED - RELEASED - CHARGED_FROM_HOLD of its
   * postings, its charged credits equal its charge postings (from hold, from the waterfall, and
   * arrears) and the sum of its usage reports.
   */
  private RunTotals runs(String workload, List<String> pools) throws SQLException {
    String query =
        "WITH r AS (SELECT run_id, state, charged,"
            + " (SELECT coalesce(sum((h->>'credits')::bigint), 0)"
            + "    FROM jsonb_array_elements(hold) h) AS held,"
            + " (SELECT coalesce(sum(u.credits), 0) FROM run_usage u"
            + "    WHERE u.run_id = runs.run_id) AS used"
            + " FROM runs WHERE billed_pool_id = ANY(?)),"
            + " p AS (SELECT run_id,"
            + " sum(CASE WHEN kind IN ('CHARGED', 'CHARGED_FROM_HOLD', 'ARREARS_INCURRED')"
            + "   THEN credits ELSE 0 END) AS charged,"
            + " sum(CASE kind WHEN 'RESERVED' THEN credits WHEN 'RELEASED' THEN -credits"
            + "   WHEN 'CHARGED_FROM_HOLD' THEN -credits ELSE 0 END) AS held"
            + " FROM ledger_postings WHERE pool_id = ANY(?) AND run_id IS NOT NULL"
            + " GROUP BY run_id)"
            + " SELECT count(*) FILTER (WHERE r.run_id IS NULL OR p.run_id IS NULL"
            + "   AND (r.held <> 0 OR r.charged <> 0)"
            + "   OR r.held <> p.held OR r.charged <> p.charged OR r.used <> r.charged),"
            + " count(r.run_id), count(*) FILTER (WHERE r.state = 'QUEUED'),"
            + " count(*) FILTER (WHERE r.state = 'SUCCEEDED'),"
            + " count(*) FILTER (WHERE r.state = 'FAILED'),"
            + " coalesce(sum(r.held), 0), coalesce(sum(r.charged), 0), coalesce(sum(r.used), 0)"
            + " FROM r FULL JOIN p USING (run_id)";
    try (PreparedStatement s = sql.prepareStatement(query)) {
      var array = sql.createArrayOf("text", pools.toArray());
      s.setArray(1, array);
      s.setArray(2, array);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long mismatched = rs.getLong(1);
        check(
            workload,
            "each run's hold and charge = its postings; charge = its usage reports",
            mismatched == 0,
            rs.getLong(2) + " runs, " + mismatched + " not matched by their postings");
        return new RunTotals(
            rs.getLong(2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6),
            rs.getLong(7),
            rs.getLong(8));
      }
    }
  }

  /** Every usage report stored for a run billed to {@code pool}, read with a cursor. */
  void forEachUsage(String pool, UsageRow each) throws SQLException {
    sql.setAutoCommit(false);
    try (PreparedStatement s =
        sql.prepareStatement(
            "SELECT u.run_id, u.usage_id, u.credits FROM run_usage u"
                + " JOIN runs r ON r.run_id = u.run_id WHERE r.billed_pool_id = ?")) {
      s.setFetchSize(10_000);
      s.setString(1, pool);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          each.accept(rs.getString(1), rs.getString(2), rs.getLong(3));
        }
      }
    } finally {
      sql.commit();
      sql.setAutoCommit(true);
    }
  }

  /**
   * The driver's count against the store: {@code counted} answers were seen; {@code unknown} calls
   * got no answer and may or may not have gone through.
   */
  void counts(String workload, String what, long counted, long unknown, long stored) {
    check(
        workload,
        what,
        stored >= counted && stored <= counted + unknown,
        "driver saw "
            + counted
            + (unknown > 0 ? " (+" + unknown + " unknown)" : "")
            + ", stored "
            + stored);
  }

  @Override
  public void close() throws SQLException {
    sql.close();
    persistence.close();
  }
}
