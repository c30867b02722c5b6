package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;

/**
 * A stored key: only its hash is kept. A member key names its member; a team API key does not.
 * {@code lastUsedAt} is kept to the minute (absent until first used).
 */
public record ApiKey(
    ApiKeyId id,
    TeamId team,
    MemberId member,
    String name,
    String hash,
    Instant createdAt,
    Instant revokedAt,
    Instant lastUsedAt) {

  /** A key not used yet. */
  public ApiKey(
      ApiKeyId id,
      TeamId team,
      MemberId member,
      String name,
      String hash,
      Instant createdAt,
      Instant revokedAt) {
    this(id, team, member, name, hash, createdAt, revokedAt, null);
  }

  public boolean isTeamKey() {
    return member == null;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }
}
