package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface OutboxDao {
  String APPEND =
      "INSERT INTO outbox (event_id, type, team_id, occurred_at, cloud_event) VALUES"
          + " (CAST(:eventId AS uuid), :type, :teamId, :occurredAt, :cloudEvent)";

  /** Events as a JSON array {@code :deferredEvents}; sequences follow the array's order. */
  String APPEND_JSON =
      "INSERT INTO outbox (event_id, type, team_id, occurred_at, cloud_event)"
          + " SELECT event_id, type, team_id, occurred_at, cloud_event FROM ROWS FROM ("
          + "jsonb_to_recordset(CAST(:deferredEvents AS jsonb)) AS (event_id uuid, type text,"
          + " team_id text, occurred_at timestamptz, cloud_event text)) WITH ORDINALITY"
          + " AS e(event_id, type, team_id, occurred_at, cloud_event, n) ORDER BY n";

  @SqlBatch(APPEND)
  void append(@BindMap List<Map<String, Object>> events);

  /** Rows another relay has locked are skipped, not waited for. */
  @SqlQuery(
      "SELECT "
          + OutboxRow.COLUMNS
          + " FROM outbox WHERE published_at IS NULL"
          + " ORDER BY sequence LIMIT :limit FOR UPDATE SKIP LOCKED")
  List<OutboxRow> claim(@Bind("limit") int limit);

  @SqlUpdate("UPDATE outbox SET published_at = :at WHERE sequence = ANY(:sequences)")
  int markPublished(@Bind("sequences") long[] sequences, @Bind("at") Instant at);

  @SqlQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")
  long depth();

  /** By sequence, the order of commit, so the partial index answers it at once. */
  @SqlQuery("SELECT occurred_at FROM outbox WHERE published_at IS NULL ORDER BY sequence LIMIT 1")
  Optional<Instant> oldestUnpublishedAt();

  @SqlUpdate(
      "DELETE FROM outbox WHERE sequence IN (SELECT sequence FROM outbox"
          + " WHERE published_at < :cutoff ORDER BY published_at LIMIT :limit)")
  int purgePublishedBefore(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);
}
