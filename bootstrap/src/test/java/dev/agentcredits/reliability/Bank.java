package dev.agentcredits.reliability;

import dev.agentcredits.adapter.persistence.postgres.PostgresPersistence;
import dev.agentcredits.adapter.wire.CloudEventEncoder;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.pool.Reconciliation;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bank-style audit of one schema, read straight from PostgreSQL while the service is quiet (or
 * dead): every pool's postings rebuild its balances ({@link Reconciliation#matches}), and the
 * ledger agrees with runs, usage, purchases and spend. Failures are collected, not thrown.
 */
final class Bank implements AutoCloseable {
  private final TestPostgres db;
  private final String url;
  private final String schema;
  private final PostgresPersistence persistence;

  /** What one audit looked at, and what it found wrong. */
  record Audit(int pools, long postings, long runs, long purchases, List<String> failures) {
    boolean clean() {
      return failures.isEmpty();
    }

    @Override
    public String toString() {
      return "%d pools, %d postings, %d runs, %d purchases: %s"
          .formatted(pools, postings, runs, purchases, clean() ? "balanced" : failures);
    }
  }

  /** Audits {@code schema} in the database at {@code url} (its own connections, named bank). */
  Bank(TestPostgres db, String url, String schema) {
    this.db = db;
    this.url = url;
    this.schema = schema;
    this.persistence =
        PostgresPersistence.connect(url, db.user, db.password, schema, new CloudEventEncoder());
  }

  Audit audit() {
    List<String> failures = new ArrayList<>();
    int pools = 0;
    long postings = 0;
    var stores = persistence.stores();
    for (String team : column("SELECT team_id FROM " + schema + ".teams")) {
      for (Pool pool : stores.pools().ofTeam(new TeamId(team))) {
        List<Posting> ledger = stores.ledger().ofPool(pool.id());
        pools++;
        postings += ledger.size();
        if (!Reconciliation.matches(pool, ledger)) {
          failures.add(
              "pool " + pool.id().value() + " does not match its " + ledger.size() + " postings");
        }
      }
    }
    try (Connection c = db.connect(url)) {
      for (String[] check : CHECKS) {
        for (Map<String, Object> row : TestPostgres.query(c, check[1].replace("$s", schema))) {
          failures.add(check[0] + ": " + row);
        }
      }
      long runs = count(c, "SELECT count(*) FROM " + schema + ".runs");
      long purchases = count(c, "SELECT count(*) FROM " + schema + ".purchases");
      return new Audit(pools, postings, runs, purchases, failures);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each check names a rule and selects the rows that break it. */
  private static final String[][] CHECKS = {
    {
      "a run's charged credits are the sum of its usage reports",
      "SELECT r.run_id, r.charged, coalesce(sum(u.credits), 0) AS usage"
          + " FROM $s.runs r LEFT JOIN $s.run_usage u ON u.run_id = r.run_id"
          + " GROUP BY r.run_id, r.charged HAVING r.charged <> coalesce(sum(u.credits), 0)"
    },
    {
      "a run's charged credits are the sum of its charge postings",
      "SELECT r.run_id, r.charged, coalesce(p.charged, 0) AS posted FROM $s.runs r LEFT JOIN"
          + " (SELECT run_id, sum(credits) AS charged FROM $s.ledger_postings"
          + " WHERE kind IN ('CHARGED_FROM_HOLD', 'CHARGED', 'ARREARS_INCURRED') GROUP BY run_id) p"
          + " ON p.run_id = r.run_id WHERE r.charged <> coalesce(p.charged, 0)"
    },
    {
      "a run's hold is what its postings reserved and did not release or charge",
      "SELECT r.run_id, r.state, h.held, coalesce(p.held, 0) AS posted FROM $s.runs r"
          + " CROSS JOIN LATERAL (SELECT coalesce(sum((e->>'credits')::bigint), 0) AS held"
          + " FROM jsonb_array_elements(r.hold) e) h LEFT JOIN (SELECT run_id, sum(CASE kind"
          + " WHEN 'RESERVED' THEN credits WHEN 'RELEASED' THEN -credits"
          + " WHEN 'CHARGED_FROM_HOLD' THEN -credits ELSE 0 END) AS held"
          + " FROM $s.ledger_postings GROUP BY run_id) p ON p.run_id = r.run_id"
          + " WHERE h.held <> coalesce(p.held, 0)"
    },
    {
      "a pool's reserved credits are the holds of its queued runs",
      "SELECT s.pool_id, s.reserved, coalesce(q.held, 0) AS held FROM"
          + " (SELECT pool_id, sum(reserved) AS reserved FROM $s.credit_sources GROUP BY pool_id) s"
          + " FULL JOIN (SELECT r.billed_pool_id AS pool_id,"
          + " sum((e->>'credits')::bigint) AS held FROM $s.runs r,"
          + " jsonb_array_elements(r.hold) e WHERE r.state = 'QUEUED' GROUP BY 1) q"
          + " ON q.pool_id = s.pool_id"
          + " WHERE coalesce(s.reserved, 0) <> coalesce(q.held, 0)"
    },
    {
      "a month's spend is the price of its purchases paid or being paid",
      "SELECT s.team_id, s.month, s.spent_cents, coalesce(p.cents, 0) AS purchases FROM"
          + " $s.team_month_spend s FULL JOIN (SELECT team_id, spend_month,"
          + " sum(price_cents) AS cents FROM $s.purchases WHERE state IN ('SUCCEEDED', 'PENDING')"
          + " GROUP BY 1, 2) p ON p.team_id = s.team_id AND p.spend_month = s.month"
          + " WHERE coalesce(s.spent_cents, 0) <> coalesce(p.cents, 0)"
    },
    {
      "a paid purchase is credited exactly once, with its credits; no other purchase is",
      "SELECT p.purchase_id, p.state, p.credits, count(l.sequence) AS credited,"
          + " coalesce(sum(l.credits), 0) AS credits_posted FROM $s.purchases p"
          + " LEFT JOIN $s.ledger_postings l ON l.kind = 'CREDITED' AND l.reference = p.purchase_id"
          + " GROUP BY p.purchase_id, p.state, p.credits HAVING (p.state = 'SUCCEEDED' AND"
          + " (count(l.sequence) <> 1 OR sum(l.credits) <> p.credits))"
          + " OR (p.state <> 'SUCCEEDED' AND count(l.sequence) > 0)"
    },
  };

  private List<String> column(String sql) {
    List<String> values = new ArrayList<>();
    try (Connection c = db.connect(url)) {
      for (Map<String, Object> row : TestPostgres.query(c, sql)) {
        values.add((String) row.values().iterator().next());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  private static long count(Connection c, String sql) throws SQLException {
    return ((Number) TestPostgres.query(c, sql).getFirst().values().iterator().next()).longValue();
  }

  @Override
  public void close() {
    persistence.close();
  }
}
