package dev.agentcredits.application.service.access;

import dev.agentcredits.application.port.in.AuthenticateUseCase;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.KeyHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keys are looked up by their hash, so the secret itself is never compared; the operator key is
 * compared hash to hash in constant time. The key's row is read on every request, one statement and
 * no cache, so a revocation committed by any instance is seen by the next request; the key's member
 * (its team and role, which never change) comes from the {@link Directory}. Removing a member or
 * rotating their key revokes the key's row, so both take effect on every instance at once.
 *
 * <p>A key's {@code last_used_at} is written at most once a minute: only when the row just read
 * says the last use is older than that, and then by a conditional update that instances racing on
 * the same key perform once. The other requests of that minute pay no write.
 */
public final class AuthenticateService implements AuthenticateUseCase {
  private static final int MAX_KEY_LENGTH = 200;

  /** How stale a key's recorded last use may get before a request writes it again. */
  static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

  private final ApiKeyStore apiKeys;
  private final Directory directory;
  private final KeyHasher hasher;
  private final byte[] operatorKeyHash;
  private final Clock clock;

  public AuthenticateService(
      ApiKeyStore apiKeys, Directory directory, KeyHasher hasher, String operatorKey, Clock clock) {
    this.apiKeys = apiKeys;
    this.directory = directory;
    this.hasher = hasher;
    this.operatorKeyHash = hasher.hash(operatorKey).getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  @Override
  public Optional<Caller> authenticate(String bearerKey) {
    if (bearerKey == null || bearerKey.isEmpty() || bearerKey.length() > MAX_KEY_LENGTH) {
      return Optional.empty();
    }
    String hash = hasher.hash(bearerKey);
    if (MessageDigest.isEqual(operatorKeyHash, hash.getBytes(StandardCharsets.UTF_8))) {
      return Optional.of(new Caller.Operator());
    }
    return apiKeys.findByHash(hash).filter(key -> !key.isRevoked()).flatMap(this::callerOf);
  }

  private void noteUse(ApiKey key) {
    Instant now = clock.instant();
    Instant notBefore = now.minus(LAST_USE_PRECISION);
    if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(notBefore)) {
      apiKeys.touch(key.id(), now, notBefore);
    }
  }

  private Optional<Caller> callerOf(ApiKey key) {
    noteUse(key);
    if (key.isTeamKey()) {
      return Optional.of(new Caller.TeamKey(key.team(), key.id()));
    }
    return directory
        .member(key.member())
        .map(member -> new Caller.MemberKey(member.team(), member.id(), member.role(), key.id()));
  }
}
