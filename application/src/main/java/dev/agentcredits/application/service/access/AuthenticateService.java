package dev.agentcredits.application.service.access;

import dev.agentcredits.application.port.in.AuthenticateUseCase;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.KeyHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Keys are looked up by their hash, so the secret itself is never compared; the operator key is
 * compared hash to hash in constant time. The key's row is read on every request, one statement and
 * no cache, so a revocation committed by any instance is seen by the next request; the key's member
 * (its team and role, which never change) comes from the {@link Directory}.
 */
public final class AuthenticateService implements AuthenticateUseCase {
  private static final int MAX_KEY_LENGTH = 200;

  private final ApiKeyStore apiKeys;
  private final Directory directory;
  private final KeyHasher hasher;
  private final byte[] operatorKeyHash;

  public AuthenticateService(
      ApiKeyStore apiKeys, Directory directory, KeyHasher hasher, String operatorKey) {
    this.apiKeys = apiKeys;
    this.directory = directory;
    this.hasher = hasher;
    this.operatorKeyHash = hasher.hash(operatorKey).getBytes(StandardCharsets.UTF_8);
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

  private Optional<Caller> callerOf(ApiKey key) {
    if (key.isTeamKey()) {
      return Optional.of(new Caller.TeamKey(key.team(), key.id()));
    }
    return directory
        .member(key.member())
        .map(member -> new Caller.MemberKey(member.team(), member.id(), member.role(), key.id()));
  }
}
