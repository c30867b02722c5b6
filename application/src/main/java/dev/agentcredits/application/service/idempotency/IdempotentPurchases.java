package dev.agentcredits.application.service.idempotency;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PurchaseAddOnCommand;
import dev.agentcredits.application.port.in.PurchaseAddOnUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RequestKey;
import dev.agentcredits.application.port.in.view.PurchaseView;

/**
 * Add-on purchases under an {@code Idempotency-Key} ({@link Idempotency}). A purchase, and a
 * declined payment (the purchase exists, DECLINED), are kept; other refusals bought nothing, so a
 * corrected retry may use the key again.
 */
public final class IdempotentPurchases implements PurchaseAddOnUseCase {
  private static final Operation<PurchaseView> PURCHASE =
      new Operation<>("purchase", PurchaseView.class, IdempotentPurchases::recordedSomething);

  private final PurchaseAddOnUseCase purchases;
  private final Idempotency idempotency;

  public IdempotentPurchases(PurchaseAddOnUseCase purchases, Idempotency idempotency) {
    this.purchases = purchases;
    this.idempotency = idempotency;
  }

  @Override
  public Outcome<PurchaseView> purchase(PurchaseAddOnCommand command) {
    var member = command.pool().member();
    var request =
        Keyed.of(
            command,
            command.caller(),
            RequestKey.ofNullable(command.requestKey()),
            command.pool().team().value(),
            member == null ? "me" : member.value(),
            Long.toString(command.denomination().value()));
    return idempotency.once(PURCHASE, request, purchases::purchase);
  }

  private static boolean recordedSomething(Outcome<PurchaseView> outcome) {
    return switch (outcome) {
      case Outcome.Ok<PurchaseView> ok -> true;
      case Outcome.Refused<PurchaseView> refused ->
          refused.refusal() instanceof Refusal.PaymentFailed;
    };
  }
}
