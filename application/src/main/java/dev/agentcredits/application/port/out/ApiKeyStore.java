package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.ApiKeyId;
import java.time.Instant;
import java.util.Optional;

public interface ApiKeyStore {
  void insert(ApiKey key);

  Optional<ApiKey> findByHash(String hash);

  Optional<ApiKey> find(ApiKeyId id);

  void revoke(ApiKeyId id, Instant at);
}
