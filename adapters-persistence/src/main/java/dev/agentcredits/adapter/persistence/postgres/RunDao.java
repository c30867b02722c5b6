package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface RunDao {
  /** Any number of runs in one statement: {@code :deferredRuns}, a JSON array. */
  String INSERT_JSON =
      "INSERT INTO runs ("
          + RunRow.COLUMNS
          + ", request_key) SELECT "
          + RunRow.COLUMNS
          + ", request_key FROM jsonb_to_recordset(CAST(:deferredRuns AS jsonb)) AS r(run_id text,"
          + " team_id text, trigger text, triggered_by text, schedule_id text, prompt text,"
          + " billed_pool_id text, billed_pool_kind text, billed_team_id text,"
          + " billed_member_id text, billed_payer text, state text, hold jsonb, charged bigint,"
          + " failure text, created_at timestamptz, last_activity_at timestamptz,"
          + " ended_at timestamptz, submitted_key_id text, request_key text)";

  /** The progress of any number of runs in one statement: {@code :deferredProgress}, JSON. */
  String UPDATE_PROGRESS_JSON =
      "UPDATE runs SET state = r.state, hold = r.hold, charged = r.charged, failure = r.failure,"
          + " last_activity_at = r.last_activity_at, ended_at = r.ended_at"
          + " FROM jsonb_to_recordset(CAST(:deferredProgress AS jsonb)) AS r(run_id text,"
          + " state text, hold jsonb, charged bigint, failure text, last_activity_at timestamptz,"
          + " ended_at timestamptz)"
          + " WHERE runs.run_id = r.run_id";

  String LOCK_ALL =
      "SELECT "
          + RunRow.COLUMNS
          + " FROM runs WHERE run_id = ANY(:ids) ORDER BY run_id FOR NO KEY UPDATE";

  String FIND_USAGES =
      "SELECT run_id, usage_id, credits, recorded_at, answered_state, answered_failure,"
          + " answered_charged, answered_held FROM run_usage WHERE (run_id, usage_id) IN"
          + " (SELECT * FROM unnest(CAST(:runs AS text[]), CAST(:usages AS text[])))";

  /** Any number of usage reports in one statement: {@code :deferredUsage}, a JSON array. */
  String RECORD_USAGES_JSON =
      "INSERT INTO run_usage (run_id, usage_id, credits, recorded_at, answered_state,"
          + " answered_failure, answered_charged, answered_held)"
          + " SELECT run_id, usage_id, credits, recorded_at, answered_state, answered_failure,"
          + " answered_charged, answered_held"
          + " FROM jsonb_to_recordset(CAST(:deferredUsage AS jsonb))"
          + " AS r(run_id text, usage_id text, credits bigint, recorded_at timestamptz,"
          + " answered_state text, answered_failure text, answered_charged bigint,"
          + " answered_held bigint)";

  String FIND_BY_REQUEST_KEYS =
      "SELECT "
          + RunRow.COLUMNS
          + ", request_key FROM runs WHERE team_id = :team AND request_key = ANY(:keys)";

  @SqlQuery("SELECT " + RunRow.COLUMNS + " FROM runs WHERE run_id = :id")
  Optional<RunRow> find(@Bind("id") String id);

  @SqlQuery("SELECT " + RunRow.COLUMNS + " FROM runs WHERE run_id = :id FOR NO KEY UPDATE")
  Optional<RunRow> lock(@Bind("id") String id);

  @SqlUpdate(
      "UPDATE runs SET trigger = :trigger, triggered_by = :triggeredBy, schedule_id = :scheduleId,"
          + " prompt = :prompt, billed_pool_id = :billedPoolId, billed_pool_kind = :billedPoolKind,"
          + " billed_team_id = :billedTeamId, billed_member_id = :billedMemberId,"
          + " billed_payer = :billedPayer, state = :state, hold = CAST(:hold AS jsonb),"
          + " charged = :charged, failure = :failure, last_activity_at = :lastActivityAt,"
          + " ended_at = :endedAt WHERE run_id = :runId")
  int update(@BindMap Map<String, Object> run);

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
