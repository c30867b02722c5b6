package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface ApiKeyDao {
  @SqlUpdate(
      "INSERT INTO api_keys ("
          + ApiKeyRow.COLUMNS
          + ") VALUES (:keyId, :teamId, :memberId, :name,"
          + " :hash, :createdAt, :revokedAt, :lastUsedAt)")
  void insert(@BindMap Map<String, Object> key);

  String FIND_BY_HASH = "SELECT " + ApiKeyRow.COLUMNS + " FROM api_keys WHERE hash = :hash";

  @SqlQuery(FIND_BY_HASH)
  Optional<ApiKeyRow> findByHash(@Bind("hash") String hash);

  @SqlQuery("SELECT " + ApiKeyRow.COLUMNS + " FROM api_keys WHERE key_id = :id")
  Optional<ApiKeyRow> find(@Bind("id") String id);

  @SqlQuery(
      "SELECT "
          + ApiKeyRow.COLUMNS
          + " FROM api_keys WHERE team_id = :team AND member_id IS NULL"
          + " ORDER BY created_at, key_id COLLATE \"C\"")
  List<ApiKeyRow> teamKeys(@Bind("team") String team);

  /** The first revocation counts; revoking again changes nothing. */
  @SqlUpdate("UPDATE api_keys SET revoked_at = :at WHERE key_id = :id AND revoked_at IS NULL")
  int revoke(@Bind("id") String id, @Bind("at") Instant at);

  @SqlUpdate(
      "UPDATE api_keys SET revoked_at = :at WHERE member_id = :member AND revoked_at IS NULL")
  int revokeMemberKeys(@Bind("member") String member, @Bind("at") Instant at);

  /** Written once however many instances race: only while the last use is older than notBefore. */
  String TOUCH =
      "UPDATE api_keys SET last_used_at = :at WHERE key_id = :id"
          + " AND (last_used_at IS NULL OR last_used_at < :notBefore)";
}
