package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ApiKeyStore {
  void insert(ApiKey key);

  Optional<ApiKey> findByHash(String hash);

  /** The key with this hash and its member's current role, in one read: every request's look-up. */
  Optional<KeyInUse> findInUse(String hash);

  Optional<ApiKey> find(ApiKeyId id);

  /** The team's API keys (not its members' keys), oldest first, revoked ones included. */
  List<ApiKey> teamKeys(TeamId team);

  void revoke(ApiKeyId id, Instant at);

  /** Revokes every key of the member that still works; answers how many. */
  int revokeMemberKeys(MemberId member, Instant at);

  /**
   * Records that the key was used at {@code at}, unless a use at or after {@code notBefore} is
   * recorded already (so that instances racing on one key write it once).
   */
  void touch(ApiKeyId id, Instant at, Instant notBefore);
}
