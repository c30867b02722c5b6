package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.adapter.wire.PaymentBodies;
import dev.agentcredits.application.port.in.BillingQuery;
import dev.agentcredits.application.port.in.ConfigureAutoReloadCommand;
import dev.agentcredits.application.port.in.ConfigureAutoReloadUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PaymentMethodUseCase;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.RaiseSpendCapCommand;
import dev.agentcredits.application.port.in.RaiseSpendCapUseCase;
import dev.agentcredits.application.port.in.UsageQuery;
import dev.agentcredits.application.port.in.UsageUseCase;
import dev.agentcredits.application.port.in.view.PaymentMethodView;
import dev.agentcredits.domain.shared.MemberId;
import java.util.List;
import java.util.Map;

/**
 * API.md "Billing": pools, auto-reload, the spend cap, the ledger and usage (a pool's add-on
 * purchases are {@link PurchaseRoutes}).
 */
public final class BillingRoutes implements RouteGroup {
  static final int DEFAULT_LEDGER_LIMIT = 50;

  private final BillingQuery billingQuery;
  private final PaymentMethodUseCase paymentMethods;
  private final ConfigureAutoReloadUseCase configureAutoReload;
  private final RaiseSpendCapUseCase raiseSpendCap;
  private final UsageUseCase usage;

  /** {@code paymentMethods} adds the team's card to the billing overview, for who may see it. */
  public BillingRoutes(
      BillingQuery billingQuery,
      PaymentMethodUseCase paymentMethods,
      ConfigureAutoReloadUseCase configureAutoReload,
      RaiseSpendCapUseCase raiseSpendCap,
      UsageUseCase usage) {
    this.billingQuery = billingQuery;
    this.paymentMethods = paymentMethods;
    this.configureAutoReload = configureAutoReload;
    this.raiseSpendCap = raiseSpendCap;
    this.usage = usage;
  }

  @Override
  public List<Route> routes() {
    String member = "/api/v1/teams/{team_id}/members/{member_id}";
    return List.of(
        Route.get("/api/v1/teams/{team_id}/billing", this::billing),
        Route.get(member + "/pool", this::memberPool),
        Route.get("/api/v1/teams/{team_id}/pool", this::teamPool),
        Route.put(member + "/auto-reload", this::autoReload),
        Route.get(member + "/auto-reload", this::autoReloadSettings),
        Route.put("/api/v1/teams/{team_id}/spend-cap", this::spendCap),
        Route.get("/api/v1/teams/{team_id}/ledger", this::ledger),
        Route.get("/api/v1/teams/{team_id}/usage", this::usage));
  }

  private Reply billing(Exchange ex) {
    return ex.reply(
        billingQuery.teamBilling(ex.caller(), ex.team()),
        200,
        view -> withCard(Bodies.billing(view), ex));
  }

  /** The team's card, for a caller who may see it (operator, owner, admin) when there is one. */
  private Map<String, Object> withCard(Map<String, Object> body, Exchange ex) {
    if (paymentMethods.find(ex.caller(), ex.team()) instanceof Outcome.Ok<PaymentMethodView> ok) {
      body.put("payment_method", PaymentBodies.paymentMethod(ok.value()));
    }
    return body;
  }

  private Reply memberPool(Exchange ex) {
    var pool = new PoolRef(ex.team(), ex.memberOrMe());
    return ex.reply(billingQuery.memberPool(ex.caller(), pool), 200, Bodies::pool);
  }

  private Reply teamPool(Exchange ex) {
    return ex.reply(billingQuery.teamPool(ex.caller(), ex.team()), 200, Bodies::pool);
  }

  private Reply autoReload(Exchange ex) {
    var pool = new PoolRef(ex.team(), ex.memberOrMe());
    var request = ex.body(Requests.AutoReload.class);
    var command =
        Exchange.valid(() ->
            new ConfigureAutoReloadCommand(
                ex.caller(),
                pool,
                request.enabled(),
                request.denominationCredits() == null
                    ? null
                    : Exchange.credits(request.denominationCredits(), "denomination_credits"),
                request.thresholdCredits() == null
                    ? null
                    : Exchange.credits(request.thresholdCredits(), "threshold_credits")));
    return ex.reply(configureAutoReload.configure(command), 200, Bodies::autoReload);
  }

  /** The pool's auto-reload settings alone, for whoever may see the pool. */
  private Reply autoReloadSettings(Exchange ex) {
    var pool = new PoolRef(ex.team(), ex.memberOrMe());
    return ex.reply(
        billingQuery.memberPool(ex.caller(), pool), 200, p -> Bodies.autoReload(p.autoReload()));
  }

  /** Under an Idempotency-Key, the same change again is answered as it was the first time. */
  private Reply spendCap(Exchange ex) {
    var team = ex.team();
    var request = ex.body(Requests.SpendCap.class);
    String key = ex.idempotencyKey();
    var command =
        Exchange.valid(() ->
            new RaiseSpendCapCommand(
                ex.caller(),
                team,
                Exchange.cents(request.monthlyLimitCents(), "monthly_limit_cents"),
                key));
    return ex.reply(raiseSpendCap.setMonthlyLimit(command), 200, Bodies::spendCap);
  }

  private Reply ledger(Exchange ex) {
    var team = ex.team();
    int limit = limit(ex.query("limit"));
    String cursor = ex.query("cursor");
    return ex.reply(billingQuery.ledger(ex.caller(), team, limit, cursor), 200, Bodies::ledger);
  }

  private Reply usage(Exchange ex) {
    var caller = ex.caller();
    var team = ex.team();
    String member = ex.query("member_id");
    var query =
        Exchange.valid(() ->
            new UsageQuery(
                caller,
                team,
                ex.date("from"),
                ex.date("to"),
                member == null ? null : new MemberId(member)));
    return ex.reply(usage.usage(query), 200, Bodies::usage);
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LEDGER_LIMIT;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("limit must be a whole number from 1 to 200");
    }
  }
}
