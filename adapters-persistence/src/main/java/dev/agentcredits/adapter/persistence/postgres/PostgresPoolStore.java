package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pools in {@code pools}, their sources in {@code credit_sources}; changed by {@link
 * PostgresBatchWriter}.
 */
public final class PostgresPoolStore implements PoolStore {
  private final JdbiTransactionRunner db;

  PostgresPoolStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public void insert(Pool pool, Instant dueAt) {
    PoolRow row = PoolRow.of(pool, dueAt);
    db.withDao(
        PoolDao.class,
        dao -> {
          dao.insert(row, SourceColumns.of(List.of(row)));
          return null;
        });
  }

  @Override
  public Optional<Pool> lock(PoolId id) {
    return db.withDao(PoolDao.class, dao -> dao.lock(id.value()).map(PoolRow::toPool));
  }

  @Override
  public Optional<Pool> find(PoolId id) {
    return db.withDao(PoolDao.class, dao -> dao.find(id.value()).map(PoolRow::toPool));
  }

  @Override
  public List<Pool> ofTeam(TeamId team) {
    return db.withDao(
        PoolDao.class, dao -> dao.ofTeam(team.value()).stream().map(PoolRow::toPool).toList());
  }

  @Override
  public List<PoolId> dueBy(Instant now, int limit) {
    return db.withDao(
        PoolDao.class, dao -> dao.dueBy(now, limit).stream().map(PoolId::new).toList());
  }
}
