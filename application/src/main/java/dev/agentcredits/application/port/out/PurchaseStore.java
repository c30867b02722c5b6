package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface PurchaseStore {
  /** Inserts a purchase; {@code requestKey}, when given, is unique per team. */
  void insert(Purchase purchase, String requestKey);

  Optional<Purchase> lock(PurchaseId id);

  Optional<Purchase> findByRequestKey(TeamId team, String requestKey);

  void update(Purchase purchase);

  List<PurchaseId> pendingCreatedBefore(Instant cutoff, int limit);

  Optional<Purchase> findByPaymentReference(String reference);

  /**
   * A pool's purchases, newest first; {@code after} (a purchase id from an earlier page, or null)
   * starts the page after it.
   */
  List<Purchase> listForPool(PoolId pool, PurchaseId after, int limit);

  /**
   * When each pool's newest declined auto-reload was placed; pools without one left out (what
   * turned their auto-reload off, rule 17).
   */
  Map<PoolId, Instant> lastDeclinedReloads(List<PoolId> pools);
}
