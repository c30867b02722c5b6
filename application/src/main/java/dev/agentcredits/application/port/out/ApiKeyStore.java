package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ApiKeyStore {
  void insert(ApiKey key);

  Optional<ApiKey> findByHash(String hash);

  Optional<ApiKey> find(ApiKeyId id);

  /** The team's API keys (not its members' keys), oldest first, revoked ones included. */
  List<ApiKey> teamKeys(TeamId team);

  void revoke(ApiKeyId id, Instant at);
}
