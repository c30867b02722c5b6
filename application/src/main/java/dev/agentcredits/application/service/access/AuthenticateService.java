package dev.agentcredits.application.service.access;

import dev.agentcredits.application.port.in.AuthenticateUseCase;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.KeyInUse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keys are looked up by their hash, so the secret itself is never compared; the operator key is
 * compared hash to hash in constant time. Nothing is cached: the key's row is read on every
 * request, so a revocation committed by any instance (revoking the key, rotating or removing its
 * member) stops it at the next request (API.md: "the key stops working at once"); a member key's
 * member is read with it, in the same statement, so the caller carries the member's role as it is
 * now.
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
  private final KeyHasher hasher;
  private final byte[] operatorKeyHash;
  private final Clock clock;

  public AuthenticateService(
      ApiKeyStore apiKeys, KeyHasher hasher, String operatorKey, Clock clock) {
    this.apiKeys = apiKeys;
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
    return apiKeys.findInUse(hash).filter(use -> !use.key().isRevoked()).flatMap(this::callerOf);
  }

  private void noteUse(ApiKey key) {
    Instant now = clock.instant();
    Instant notBefore = now.minus(LAST_USE_PRECISION);
    if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(notBefore)) {
      apiKeys.touch(key.id(), now, notBefore);
    }
  }

  private Optional<Caller> callerOf(KeyInUse use) {
    ApiKey key = use.key();
    if (!key.isTeamKey() && use.memberRole() == null) {
      return Optional.empty();
    }
    noteUse(key);
    return Optional.of(
        key.isTeamKey()
            ? new Caller.TeamKey(key.team(), key.id())
            : new Caller.MemberKey(key.team(), key.member(), use.memberRole(), key.id()));
  }
}
