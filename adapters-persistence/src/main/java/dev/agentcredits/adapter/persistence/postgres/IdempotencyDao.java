package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface IdempotencyDao {
  /**
   * Claims a free key, or takes over an incomplete claim made at or before {@code abandonedBy}:
   * answers a row in both cases, none when someone else holds the key.
   */
  @SqlQuery(
      "INSERT INTO idempotency AS i (scope, key, fingerprint, claimed_at)"
          + " VALUES (:scope, :key, :fingerprint, :now)"
          + " ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint,"
          + " claimed_at = excluded.claimed_at"
          + " WHERE i.outcome IS NULL AND i.claimed_at <= :abandonedBy RETURNING 1")
  Optional<Integer> claim(
      @Bind("scope") String scope,
      @Bind("key") String key,
      @Bind("fingerprint") String fingerprint,
      @Bind("now") Instant now,
      @Bind("abandonedBy") Instant abandonedBy);

  @SqlQuery(
      "SELECT " + IdempotencyRow.COLUMNS + " FROM idempotency WHERE scope = :scope AND key = :key")
  Optional<IdempotencyRow> find(@Bind("scope") String scope, @Bind("key") String key);

  @SqlUpdate("UPDATE idempotency SET outcome = :outcome WHERE scope = :scope AND key = :key")
  int complete(
      @Bind("scope") String scope, @Bind("key") String key, @Bind("outcome") String outcome);

  @SqlUpdate("DELETE FROM idempotency WHERE scope = :scope AND key = :key AND outcome IS NULL")
  int release(@Bind("scope") String scope, @Bind("key") String key);

  @SqlUpdate("DELETE FROM idempotency WHERE claimed_at < :cutoff")
  int purgeClaimedBefore(@Bind("cutoff") Instant cutoff);
}
