package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.DuplicateKeyException;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

final class InMemoryPurchaseStore implements PurchaseStore {
  private static final Comparator<Purchase> NEWEST_FIRST =
      Comparator.comparing(Purchase::createdAt).thenComparing(p -> p.id().value()).reversed();

  private final MemoryDatabase db;
  private final Table<PurchaseId, Purchase> purchases;
  private final Table<String, PurchaseId> requestKeys;

  InMemoryPurchaseStore(MemoryDatabase db) {
    this.db = db;
    this.purchases = new Table<>(db);
    this.requestKeys = new Table<>(db);
  }

  @Override
  public void insert(Purchase purchase, String requestKey) {
    db.run(() -> {
      if (purchases.contains(purchase.id())) {
        throw new IllegalStateException("purchase " + purchase.id() + " exists");
      }
      if (requestKey != null) {
        String key = purchase.team().value() + "|" + requestKey;
        if (requestKeys.contains(key)) {
          throw new DuplicateKeyException(
              "request key already used for a purchase of this team", null);
        }
        requestKeys.put(key, purchase.id());
      }
      purchases.put(purchase.id(), purchase);
    });
  }

  @Override
  public Optional<Purchase> lock(PurchaseId id) {
    return db.call(() -> purchases.get(id));
  }

  @Override
  public Optional<Purchase> findByRequestKey(TeamId team, String requestKey) {
    return db.call(() -> requestKeys.get(team.value() + "|" + requestKey).flatMap(purchases::get));
  }

  @Override
  public void update(Purchase purchase) {
    db.run(() -> purchases.put(purchase.id(), purchase));
  }

  @Override
  public List<PurchaseId> pendingCreatedBefore(Instant cutoff, int limit) {
    return db.call(() ->
        purchases.values().stream()
            .filter(p -> p.state() == PurchaseState.PENDING && p.createdAt().isBefore(cutoff))
            .sorted(Comparator.comparing(Purchase::createdAt))
            .limit(limit)
            .map(Purchase::id)
            .toList());
  }

  @Override
  public Optional<Purchase> findByPaymentReference(String reference) {
    return db.call(() ->
        purchases.values().stream()
            .filter(p -> reference.equals(p.paymentReference()))
            .findFirst());
  }

  @Override
  public List<Purchase> listForPool(PoolId pool, PurchaseId after, int limit) {
    return db.call(() -> {
      List<Purchase> newestFirst =
          purchases.values().stream()
              .filter(p -> p.pool().equals(pool))
              .sorted(NEWEST_FIRST)
              .toList();
      int start = 0;
      if (after != null) {
        start = newestFirst.size();
        for (int i = 0; i < newestFirst.size(); i++) {
          if (newestFirst.get(i).id().equals(after)) {
            start = i + 1;
          }
        }
      }
      return newestFirst.stream().skip(start).limit(limit).toList();
    });
  }

  @Override
  public Map<PoolId, Instant> lastDeclinedReloads(List<PoolId> pools) {
    return db.call(() ->
        purchases.values().stream()
            .filter(p -> pools.contains(p.pool()))
            .filter(
                p -> p.kind() == PurchaseKind.AUTO_RELOAD && p.state() == PurchaseState.DECLINED)
            .collect(
                Collectors.toMap(
                    Purchase::pool, Purchase::createdAt, (a, b) -> a.isAfter(b) ? a : b)));
  }
}
