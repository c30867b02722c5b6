package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code api_keys}; {@code memberId} is null for a team API key. */
record ApiKeyRow(
    String keyId,
    String teamId,
    String memberId,
    String name,
    String hash,
    Instant createdAt,
    Instant revokedAt,
    Instant lastUsedAt) {

  static final String COLUMNS =
      "key_id, team_id, member_id, name, hash, created_at, revoked_at, last_used_at";

  static ApiKeyRow of(ApiKey key) {
    return new ApiKeyRow(
        key.id().value(),
        key.team().value(),
        key.member() == null ? null : key.member().value(),
        key.name(),
        key.hash(),
        key.createdAt(),
        key.revokedAt(),
        key.lastUsedAt());
  }

  ApiKey toApiKey() {
    return new ApiKey(
        new ApiKeyId(keyId),
        new TeamId(teamId),
        memberId == null ? null : new MemberId(memberId),
        name,
        hash,
        createdAt,
        revokedAt,
        lastUsedAt);
  }

  static ApiKeyRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ApiKeyRow(
        rs.getString("key_id"),
        rs.getString("team_id"),
        rs.getString("member_id"),
        rs.getString("name"),
        rs.getString("hash"),
        Rows.INSTANT.map(rs, "created_at", ctx),
        Rows.INSTANT.map(rs, "revoked_at", ctx),
        Rows.INSTANT.map(rs, "last_used_at", ctx));
  }
}
