package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Issuing, listing and revoking keys; their use is {@link KeyUseDao}. */
interface ApiKeyDao {
  @SqlUpdate(
      "INSERT INTO api_keys ("
          + ApiKeyRow.COLUMNS
          + ") VALUES (:keyId, :teamId, :memberId, :name,"
          + " :hash, :createdAt, :revokedAt, :lastUsedAt)")
  void insert(@BindRecord ApiKeyRow key);

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
}
