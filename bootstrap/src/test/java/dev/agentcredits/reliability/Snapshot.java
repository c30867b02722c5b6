package dev.agentcredits.reliability;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The ledger and billing state of some teams, as one comparable text: postings, pool balances and
 * sources, auto-reload settings, spend, cap, members, keys, accepted runs and charges, paid
 * purchases. A request that was refused must leave it exactly as it was.
 */
record Snapshot(String state) {
  private static final String SQL =
      """
      SELECT json_build_object(
        'ledger', (SELECT json_build_object('n', count(*), 'last', max(sequence), 'sum', sum(credits))
                   FROM $s.ledger_postings WHERE team_id = ANY(string_to_array(?, ','))),
        'pools', (SELECT json_agg(p ORDER BY pool_id) FROM (SELECT pool_id, arrears,
                   auto_reload_enabled, auto_reload_denomination, auto_reload_threshold,
                   auto_reload_turned_off_by, reload_in_flight
                   FROM $s.pools WHERE team_id = ANY(string_to_array(?, ','))) p),
        'sources', (SELECT json_agg(c ORDER BY pool_id, source_id) FROM (SELECT cs.pool_id,
                   cs.source_id, cs.remaining, cs.reserved, cs.expires_at FROM $s.credit_sources cs
                   JOIN $s.pools p ON p.pool_id = cs.pool_id
                   WHERE p.team_id = ANY(string_to_array(?, ','))) c),
        'spend', (SELECT json_agg(x ORDER BY team_id, month) FROM $s.team_month_spend x
                   WHERE team_id = ANY(string_to_array(?, ','))),
        'teams', (SELECT json_agg(t ORDER BY team_id) FROM (SELECT team_id, plan,
                   monthly_spend_cap_cents FROM $s.teams
                   WHERE team_id = ANY(string_to_array(?, ','))) t),
        'members', (SELECT json_agg(m ORDER BY member_id) FROM (SELECT member_id, role, email
                   FROM $s.members WHERE team_id = ANY(string_to_array(?, ','))) m),
        'keys', (SELECT json_agg(k ORDER BY key_id) FROM (SELECT key_id, revoked_at IS NOT NULL
                   AS revoked FROM $s.api_keys WHERE team_id = ANY(string_to_array(?, ','))) k),
        'runs', (SELECT json_build_object('queued', count(*) FILTER (WHERE state = 'QUEUED'),
                   'succeeded', count(*) FILTER (WHERE state = 'SUCCEEDED'),
                   'charged', sum(charged)) FROM $s.runs
                   WHERE team_id = ANY(string_to_array(?, ','))),
        'purchases', (SELECT count(*) FROM $s.purchases
                   WHERE team_id = ANY(string_to_array(?, ',')) AND state = 'SUCCEEDED')
      )::text AS state
      """;

  static Snapshot of(String schema, String... teams) {
    try (Connection c = TestPostgres.get().connect()) {
      return of(c, schema, teams);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static Snapshot of(Connection connection, String schema, String... teams) {
    String ids = String.join(",", teams);
    Object[] params = new Object[9];
    java.util.Arrays.fill(params, ids);
    try {
      return new Snapshot(
          (String)
              TestPostgres.query(connection, SQL.replace("$s", schema), params)
                  .getFirst()
                  .get("state"));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
