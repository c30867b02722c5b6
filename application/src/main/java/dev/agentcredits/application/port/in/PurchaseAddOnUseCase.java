package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.PurchaseView;

/** Buys an add-on lot for a member's pool, within the team's monthly spend cap. */
public interface PurchaseAddOnUseCase {
  Outcome<PurchaseView> purchase(PurchaseAddOnCommand command);
}
