package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.PurchaseHistoryView;

/** DOMAIN.md rule 20: refunds an add-on lot none of whose credits were used; owner or admin. */
public interface RefundPurchaseUseCase {
  Outcome<PurchaseHistoryView> refund(RefundPurchaseCommand command);
}
