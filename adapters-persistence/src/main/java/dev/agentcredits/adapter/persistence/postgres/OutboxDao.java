package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface OutboxDao {
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
