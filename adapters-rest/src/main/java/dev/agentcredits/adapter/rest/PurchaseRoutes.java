package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.adapter.wire.PaymentBodies;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.PurchaseAddOnCommand;
import dev.agentcredits.application.port.in.PurchaseAddOnUseCase;
import dev.agentcredits.application.port.in.PurchaseHistoryQuery;
import dev.agentcredits.application.port.in.RefundPurchaseCommand;
import dev.agentcredits.application.port.in.RefundPurchaseUseCase;
import dev.agentcredits.application.port.in.view.PurchaseView;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * API.md "Billing" and "Payments": a pool's add-on purchases, bought (each answer counted in the
 * metrics), listed and refunded.
 */
public final class PurchaseRoutes implements RouteGroup {
  static final int DEFAULT_HISTORY_LIMIT = 50;

  private final PurchaseAddOnUseCase purchaseAddOn;
  private final PurchaseHistoryQuery history;
  private final RefundPurchaseUseCase refunds;
  private final ApiMetrics metrics;

  public PurchaseRoutes(
      PurchaseAddOnUseCase purchaseAddOn,
      PurchaseHistoryQuery history,
      RefundPurchaseUseCase refunds,
      MeterRegistry metrics) {
    this.purchaseAddOn = purchaseAddOn;
    this.history = history;
    this.refunds = refunds;
    this.metrics = new ApiMetrics(metrics);
  }

  @Override
  public List<Route> routes() {
    String purchases = "/api/v1/teams/{team_id}/members/{member_id}/add-on-purchases";
    return List.of(
        Route.post(purchases, this::purchase),
        Route.get(purchases, this::history),
        Route.post(purchases + "/{purchase_id}/refund", this::refund));
  }

  /** Under an Idempotency-Key, the same purchase again is answered as it was the first time. */
  private Reply purchase(Exchange ex) {
    var pool = new PoolRef(ex.team(), ex.memberOrMe());
    var request = ex.body(Requests.Purchase.class);
    String key = ex.idempotencyKey();
    var command =
        Exchange.valid(() ->
            new PurchaseAddOnCommand(
                ex.caller(),
                pool,
                Exchange.credits(request.denominationCredits(), "denomination_credits"),
                key));
    var outcome = purchaseAddOn.purchase(command);
    if (!outcome.replayed()) {
      metrics.purchase(outcome);
    }
    boolean pending = outcome instanceof Outcome.Ok<PurchaseView> ok && ok.value().pending();
    // 202: the payment is processing; a webhook or the reconciler settles it (API.md).
    return ex.reply(outcome, pending ? 202 : 201, Bodies::purchase);
  }

  private Reply history(Exchange ex) {
    var pool = new PoolRef(ex.team(), ex.memberOrMe());
    int limit = limit(ex.query("limit"));
    return ex.reply(
        history.purchases(ex.caller(), pool, limit, ex.query("cursor")),
        200,
        PaymentBodies::purchases);
  }

  private Reply refund(Exchange ex) {
    var pool = new PoolRef(ex.team(), ex.memberOrMe());
    var command =
        Exchange.valid(() -> new RefundPurchaseCommand(ex.caller(), pool, ex.purchaseId()));
    return ex.reply(refunds.refund(command), 200, PaymentBodies::refund);
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_HISTORY_LIMIT;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("limit must be a whole number from 1 to 200");
    }
  }
}
