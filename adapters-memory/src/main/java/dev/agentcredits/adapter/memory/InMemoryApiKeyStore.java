package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.KeyInUse;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryApiKeyStore implements ApiKeyStore {
  private final MemoryDatabase db;
  private final Table<ApiKeyId, ApiKey> keys;
  private final Table<String, ApiKeyId> byHash;

  private final TeamStore teams;

  InMemoryApiKeyStore(MemoryDatabase db, TeamStore teams) {
    this.teams = teams;
    this.db = db;
    this.keys = new Table<>(db);
    this.byHash = new Table<>(db);
  }

  @Override
  public void insert(ApiKey key) {
    db.run(() -> {
      if (byHash.contains(key.hash()) || keys.contains(key.id())) {
        throw new IllegalStateException("duplicate api key");
      }
      keys.put(key.id(), key);
      byHash.put(key.hash(), key.id());
    });
  }

  @Override
  public Optional<ApiKey> findByHash(String hash) {
    return db.call(() -> byHash.get(hash).flatMap(keys::get));
  }

  @Override
  public Optional<KeyInUse> findInUse(String hash) {
    return db.call(() ->
        findByHash(hash)
            .map(key ->
                new KeyInUse(
                    key,
                    key.isTeamKey()
                        ? null
                        : teams.findMember(key.member()).map(Member::role).orElse(null))));
  }

  @Override
  public Optional<ApiKey> find(ApiKeyId id) {
    return db.call(() -> keys.get(id));
  }

  @Override
  public List<ApiKey> teamKeys(TeamId team) {
    return db.call(() ->
        keys.values().stream()
            .filter(k -> k.isTeamKey() && k.team().equals(team))
            .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(k -> k.id().value()))
            .toList());
  }

  @Override
  public void revoke(ApiKeyId id, Instant at) {
    db.run(() ->
        keys.get(id).filter(k -> !k.isRevoked()).ifPresent(k -> keys.put(id, revoked(k, at))));
  }

  @Override
  public int revokeMemberKeys(MemberId member, Instant at) {
    return db.call(() -> {
      int count = 0;
      for (ApiKey key : keys.values()) {
        if (member.equals(key.member()) && !key.isRevoked()) {
          keys.put(key.id(), revoked(key, at));
          count++;
        }
      }
      return count;
    });
  }

  @Override
  public void touch(ApiKeyId id, Instant at, Instant notBefore) {
    db.run(() ->
        keys.get(id)
            .filter(k -> k.lastUsedAt() == null || k.lastUsedAt().isBefore(notBefore))
            .ifPresent(k ->
                keys.put(
                    id,
                    new ApiKey(
                        k.id(),
                        k.team(),
                        k.member(),
                        k.name(),
                        k.hash(),
                        k.createdAt(),
                        k.revokedAt(),
                        at))));
  }

  private static ApiKey revoked(ApiKey k, Instant at) {
    return new ApiKey(
        k.id(), k.team(), k.member(), k.name(), k.hash(), k.createdAt(), at, k.lastUsedAt());
  }
}
