package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.DailyCharges;
import dev.agentcredits.application.port.out.LedgerEntry;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.PoolCharges;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ledger in {@code ledger_postings}, appended to by {@link PostgresBatchWriter}; a trigger
 * refuses any UPDATE, DELETE or TRUNCATE.
 */
public final class PostgresLedgerStore implements LedgerStore {
  private final JdbiTransactionRunner db;

  PostgresLedgerStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public List<LedgerEntry> page(TeamId team, List<PoolId> pools, long beforeSequence, int limit) {
    String[] poolIds = pools.stream().map(PoolId::value).toArray(String[]::new);
    return db.withDao(
        LedgerDao.class,
        dao ->
            dao.page(team.value(), poolIds, beforeSequence, limit).stream()
                .map(PostingRow::toEntry)
                .toList());
  }

  @Override
  public List<Posting> ofPool(PoolId pool) {
    return db.withDao(
        LedgerDao.class,
        dao -> dao.ofPool(pool.value()).stream().map(PostingRow::toPosting).toList());
  }

  @Override
  public List<DailyCharges> chargesByDay(
      TeamId team, List<PoolId> pools, Instant from, Instant to) {
    String[] poolIds = pools.stream().map(PoolId::value).toArray(String[]::new);
    return db.withDao(
        LedgerDao.class,
        dao ->
            dao.chargesByDay(team.value(), poolIds, from, to).stream()
                .map(DayChargesRow::toCharges)
                .toList());
  }

  @Override
  public List<PoolCharges> chargesByPool(
      TeamId team, List<PoolId> pools, Instant from, Instant to) {
    String[] poolIds = pools.stream().map(PoolId::value).toArray(String[]::new);
    return db.withDao(
        LedgerDao.class,
        dao ->
            dao.chargesByPool(team.value(), poolIds, from, to).stream()
                .map(PoolChargesRow::toCharges)
                .toList());
  }

  @Override
  public Map<PoolId, Instant> lastPostedAt(List<PoolId> pools) {
    String[] poolIds = pools.stream().map(PoolId::value).toArray(String[]::new);
    return db.withDao(LedgerDao.class, dao -> dao.lastPostedAt(poolIds)).stream()
        .collect(Collectors.toMap(row -> new PoolId(row.poolId()), PoolTimeRow::at));
  }
}
