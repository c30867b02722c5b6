package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.KeyInUse;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Hashed API keys in {@code api_keys}. */
public final class PostgresApiKeyStore implements ApiKeyStore {
  private final JdbiTransactionRunner db;

  PostgresApiKeyStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public void insert(ApiKey key) {
    db.withDao(
        ApiKeyDao.class,
        dao -> {
          dao.insert(ApiKeyRow.of(key));
          return null;
        });
  }

  @Override
  public Optional<ApiKey> findByHash(String hash) {
    // Every request's key: one statement, no BEGIN/COMMIT around it.
    return db.read(KeyUseDao.class, dao -> dao.findByHash(hash).map(ApiKeyRow::toApiKey));
  }

  @Override
  public Optional<KeyInUse> findInUse(String hash) {
    // Every request's key with its member: one statement, no BEGIN/COMMIT around it.
    return db.read(KeyUseDao.class, dao -> dao.findInUse(hash).map(KeyInUseRow::toKeyInUse));
  }

  @Override
  public Optional<ApiKey> find(ApiKeyId id) {
    return db.withDao(ApiKeyDao.class, dao -> dao.find(id.value()).map(ApiKeyRow::toApiKey));
  }

  @Override
  public List<ApiKey> teamKeys(TeamId team) {
    return db.withDao(
        ApiKeyDao.class,
        dao -> dao.teamKeys(team.value()).stream().map(ApiKeyRow::toApiKey).toList());
  }

  @Override
  public void revoke(ApiKeyId id, Instant at) {
    db.withDao(ApiKeyDao.class, dao -> dao.revoke(id.value(), at));
  }

  @Override
  public int revokeMemberKeys(MemberId member, Instant at) {
    return db.withDao(ApiKeyDao.class, dao -> dao.revokeMemberKeys(member.value(), at));
  }

  @Override
  public void touch(ApiKeyId id, Instant at, Instant notBefore) {
    // On the request path, as findByHash: one statement, no BEGIN/COMMIT around it.
    db.read(KeyUseDao.class, dao -> dao.touch(id.value(), at, notBefore));
  }
}
