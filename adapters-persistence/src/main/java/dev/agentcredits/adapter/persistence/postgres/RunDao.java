package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Runs and their usage reports; many rows are written by {@link WriteStatements}. */
interface RunDao {
  @SqlQuery("SELECT " + RunRow.COLUMNS + " FROM runs WHERE run_id = :id")
  Optional<RunRow> find(@Bind("id") String id);

  @SqlQuery("SELECT " + RunRow.COLUMNS + " FROM runs WHERE run_id = :id FOR NO KEY UPDATE")
  Optional<RunRow> lock(@Bind("id") String id);

  /** In the order of their ids, so that two batches never wait for each other in a circle. */
  @SqlQuery(
      "SELECT "
          + RunRow.COLUMNS
          + " FROM runs WHERE run_id = ANY(:ids) ORDER BY run_id FOR NO KEY UPDATE")
  List<RunRow> lockAll(@Bind("ids") String[] ids);

  @SqlQuery(
      "SELECT "
          + RunRow.COLUMNS
          + ", request_key FROM runs WHERE team_id = :team AND request_key = ANY(:keys)")
  @KeyColumn("request_key")
  Map<String, RunRow> findByRequestKeys(@Bind("team") String team, @Bind("keys") String[] keys);

  @SqlQuery(
      "SELECT "
          + UsageRow.COLUMNS
          + " FROM run_usage WHERE (run_id, usage_id) IN"
          + " (SELECT * FROM unnest(CAST(:runs AS text[]), CAST(:usages AS text[])))")
  List<UsageRow> findUsages(@Bind("runs") String[] runs, @Bind("usages") String[] usages);

  @SqlQuery(
      "SELECT run_id FROM runs WHERE state = 'QUEUED' AND last_activity_at <= :cutoff"
          + " ORDER BY last_activity_at, run_id LIMIT :limit")
  List<String> idleSince(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

  /** A team's runs, filtered by triggering member and state when given. */
  String LIST =
      "SELECT "
          + RunRow.COLUMNS
          + " FROM runs WHERE team_id = :team"
          + " AND (CAST(:member AS text) IS NULL OR triggered_by = :member)"
          + " AND (CAST(:state AS text) IS NULL OR state = :state)";

  /** Newest first: the order of the runs_team_newest index, so a page reads only its rows. */
  String NEWEST_FIRST = " ORDER BY created_at DESC, run_id COLLATE \"C\" DESC LIMIT :limit";

  @SqlQuery(LIST + NEWEST_FIRST)
  List<RunRow> listFirst(
      @Bind("team") String team,
      @Bind("member") String member,
      @Bind("state") String state,
      @Bind("limit") int limit);

  /** Strictly before a position: an index condition, so a deep page costs what the first does. */
  @SqlQuery(
      LIST + " AND (created_at, run_id COLLATE \"C\") < (:beforeAt, :beforeRun)" + NEWEST_FIRST)
  List<RunRow> listBefore(
      @Bind("team") String team,
      @Bind("member") String member,
      @Bind("state") String state,
      @Bind("beforeAt") Instant beforeAt,
      @Bind("beforeRun") String beforeRun,
      @Bind("limit") int limit);
}
