package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pools; a lock is the transaction's global lock, so reading is enough. */
final class InMemoryPoolStore implements PoolStore {
  private final MemoryDatabase db;
  private final Table<PoolId, Pool> pools;
  private final Table<PoolId, Instant> dueAt;

  InMemoryPoolStore(MemoryDatabase db) {
    this.db = db;
    this.pools = new Table<>(db);
    this.dueAt = new Table<>(db);
  }

  @Override
  public void insert(Pool pool, Instant due) {
    db.run(() -> {
      if (pools.contains(pool.id())) {
        throw new IllegalStateException("pool " + pool.id() + " exists");
      }
      save(pool, due);
    });
  }

  @Override
  public Optional<Pool> lock(PoolId id) {
    return find(id);
  }

  @Override
  public Optional<Pool> find(PoolId id) {
    return db.call(() -> pools.get(id));
  }

  void update(Pool pool, Instant due) {
    db.run(() -> {
      if (!pools.contains(pool.id())) {
        throw new IllegalStateException("no pool " + pool.id());
      }
      save(pool, due);
    });
  }

  @Override
  public List<Pool> ofTeam(TeamId team) {
    return db.call(() -> pools.values().stream().filter(p -> p.team().equals(team)).toList());
  }

  @Override
  public List<PoolId> dueBy(Instant now, int limit) {
    return db.call(() ->
        dueAt.entries().stream()
            .filter(e -> !e.getValue().isAfter(now))
            .sorted(Map.Entry.comparingByValue())
            .limit(limit)
            .map(Map.Entry::getKey)
            .toList());
  }

  private void save(Pool pool, Instant due) {
    pools.put(pool.id(), pool);
    if (due == null) {
      dueAt.remove(pool.id());
    } else {
      dueAt.put(pool.id(), due);
    }
  }
}
