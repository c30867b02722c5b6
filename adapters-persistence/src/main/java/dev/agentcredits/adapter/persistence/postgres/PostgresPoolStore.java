package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pools in {@code pools}, their sources in {@code credit_sources}. A lock is {@code SELECT ... FOR
 * NO KEY UPDATE} on the pool's row: the strongest lock that still lets other transactions insert
 * rows referring to the pool (runs, purchases, postings) without waiting for it.
 */
public final class PostgresPoolStore implements PoolStore {
  private final JdbiTransactionRunner db;

  PostgresPoolStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public void insert(Pool pool, Instant dueAt) {
    db.withDao(PoolDao.class, dao -> dao.insert(PoolRow.of(pool, dueAt).params()));
  }

  /**
   * The lock and the sources in one round trip: both statements go out together and the server runs
   * them in turn, the second with a snapshot of its own taken after the lock was granted (READ
   * COMMITTED), so it sees every source committed before the lock, as two round trips would.
   */
  private static final String LOCK_THEN_SOURCES =
      PoolDao.LOCK.replace(":id", "?") + ";\n" + PoolDao.SOURCES.replace(":id", "?");

  @Override
  public Optional<Pool> lock(PoolId id) {
    // The hot path of every admission batch: plain JDBC on the transaction's connection.
    Optional<Pool> locked = db.withHandle(handle -> lockThenSources(handle.getConnection(), id));
    locked.ifPresent(pool -> db.lockedHere(pool.id().value()));
    return locked;
  }

  @Override
  public Optional<Pool> find(PoolId id) {
    return db.withDao(PoolDao.class, dao -> dao.find(id.value()).map(PoolRow::toPool));
  }

  /**
   * A pool this transaction locked exists until it commits, so its update is deferred and goes out
   * with the transaction's other writes; any other pool is updated at once, and checked.
   */
  @Override
  public void update(Pool pool, Instant dueAt) {
    if (db.isLockedHere(pool.id().value())) {
      db.defer(PoolDao.UPDATE, PoolRow.of(pool, dueAt).params());
      return;
    }
    int updated =
        db.withHandle(handle ->
            handle
                .createQuery(PoolDao.UPDATE)
                .bindMap(PoolRow.of(pool, dueAt).params())
                .mapTo(Integer.class)
                .one());
    if (updated != 1) {
      throw new IllegalStateException("no pool " + pool.id());
    }
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

  private static Optional<Pool> lockThenSources(Connection connection, PoolId id) {
    try (PreparedStatement statement = connection.prepareStatement(LOCK_THEN_SOURCES)) {
      statement.setString(1, id.value());
      statement.setString(2, id.value());
      statement.execute();
      PoolRow row = null;
      try (ResultSet rs = statement.getResultSet()) {
        if (rs.next()) {
          row = PoolRow.map(rs, null);
        }
      }
      List<CreditSource> sources = new ArrayList<>();
      if (statement.getMoreResults()) {
        try (ResultSet rs = statement.getResultSet()) {
          while (rs.next()) {
            sources.add(SourceRow.map(rs, null).toSource());
          }
        }
      }
      return row == null ? Optional.empty() : Optional.of(row.toPool(sources));
    } catch (SQLException e) {
      throw DatabaseFailures.translate(e);
    }
  }
}
