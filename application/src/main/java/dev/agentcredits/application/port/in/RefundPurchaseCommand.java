package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.PurchaseId;
import java.util.Objects;

public record RefundPurchaseCommand(Caller caller, PoolRef pool, PurchaseId purchase) {
  public RefundPurchaseCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(purchase, "purchase_id is required");
  }
}
