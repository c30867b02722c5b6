package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface PurchaseStore {
  /** Inserts a purchase; {@code requestKey}, when given, is unique per team. */
  void insert(Purchase purchase, String requestKey);

  Optional<Purchase> lock(PurchaseId id);

  Optional<Purchase> findByRequestKey(TeamId team, String requestKey);

  void update(Purchase purchase);

  List<PurchaseId> pendingCreatedBefore(Instant cutoff, int limit);
}
