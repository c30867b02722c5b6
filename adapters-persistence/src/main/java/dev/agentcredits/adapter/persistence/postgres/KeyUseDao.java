package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements every request makes with its API key, outside any transaction. A DAO of their own
 * because one is attached for each such call, and attaching costs a handler per method.
 */
interface KeyUseDao {
  @SqlQuery("SELECT " + ApiKeyRow.COLUMNS + " FROM api_keys WHERE hash = :hash")
  Optional<ApiKeyRow> findByHash(@Bind("hash") String hash);

  /** The key and its member's current role (none for a team key or a removed member). */
  @SqlQuery(
      "SELECT k.key_id, k.team_id, k.member_id, k.name, k.hash, k.created_at, k.revoked_at,"
          + " k.last_used_at, m.role AS member_role FROM api_keys k LEFT JOIN members m"
          + " ON m.member_id = k.member_id AND m.removed_at IS NULL WHERE k.hash = :hash")
  Optional<KeyInUseRow> findInUse(@Bind("hash") String hash);

  /** Written once however many instances race: only while the last use is older than notBefore. */
  @SqlUpdate(
      "UPDATE api_keys SET last_used_at = :at WHERE key_id = :id"
          + " AND (last_used_at IS NULL OR last_used_at < :notBefore)")
  int touch(@Bind("id") String id, @Bind("at") Instant at, @Bind("notBefore") Instant notBefore);
}
