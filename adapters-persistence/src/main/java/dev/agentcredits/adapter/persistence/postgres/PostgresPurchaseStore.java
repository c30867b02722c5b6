package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Add-on purchases in {@code purchases}; a request key is unique per team. */
public final class PostgresPurchaseStore implements PurchaseStore {
  private final JdbiTransactionRunner db;

  PostgresPurchaseStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public void insert(Purchase purchase, String requestKey) {
    db.withDao(
        PurchaseDao.class,
        dao -> {
          dao.insert(PurchaseRow.of(purchase), requestKey);
          return null;
        });
  }

  @Override
  public Optional<Purchase> lock(PurchaseId id) {
    return db.withDao(PurchaseDao.class, dao -> dao.lock(id.value()).map(PurchaseRow::toPurchase));
  }

  @Override
  public Optional<Purchase> findByRequestKey(TeamId team, String requestKey) {
    return db.withDao(
        PurchaseDao.class,
        dao -> dao.findByRequestKey(team.value(), requestKey).map(PurchaseRow::toPurchase));
  }

  @Override
  public void update(Purchase purchase) {
    int updated = db.withDao(PurchaseDao.class, dao -> dao.update(PurchaseRow.of(purchase)));
    if (updated != 1) {
      throw new IllegalStateException("no purchase " + purchase.id());
    }
  }

  @Override
  public List<PurchaseId> pendingCreatedBefore(Instant cutoff, int limit) {
    return db.withDao(
        PurchaseDao.class,
        dao -> dao.pendingCreatedBefore(cutoff, limit).stream().map(PurchaseId::new).toList());
  }

  @Override
  public Optional<Purchase> findByPaymentReference(String reference) {
    return db.withDao(
        PurchaseDao.class,
        dao -> dao.findByPaymentReference(reference).map(PurchaseRow::toPurchase));
  }

  @Override
  public List<Purchase> listForPool(PoolId pool, PurchaseId after, int limit) {
    return db.withDao(
        PurchaseDao.class,
        dao ->
            (after == null
                    ? dao.newestForPool(pool.value(), limit)
                    : dao.forPoolAfter(pool.value(), after.value(), limit))
                .stream().map(PurchaseRow::toPurchase).toList());
  }

  @Override
  public Map<PoolId, Instant> lastDeclinedReloads(List<PoolId> pools) {
    String[] poolIds = pools.stream().map(PoolId::value).toArray(String[]::new);
    return db.withDao(PurchaseDao.class, dao -> dao.lastDeclinedReloads(poolIds)).stream()
        .collect(Collectors.toMap(row -> new PoolId(row.poolId()), PoolTimeRow::at));
  }
}
