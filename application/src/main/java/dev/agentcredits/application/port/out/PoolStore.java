package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pools with their sources. {@code dueAt} is when time next changes the pool (a refresh or an
 * expiry); the time-keeping job asks for the pools due. A pool is inserted here and changed with
 * the rest of a transaction's decision ({@link BatchWriter}).
 */
public interface PoolStore {
  void insert(Pool pool, Instant dueAt);

  /** Reads the pool and keeps others from changing it until the transaction ends. */
  Optional<Pool> lock(PoolId id);

  Optional<Pool> find(PoolId id);

  List<Pool> ofTeam(TeamId team);

  List<PoolId> dueBy(Instant now, int limit);
}
