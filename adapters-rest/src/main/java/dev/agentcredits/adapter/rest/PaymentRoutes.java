package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.PaymentBodies;
import dev.agentcredits.application.port.in.PaymentMethodUseCase;
import dev.agentcredits.application.port.in.ReceivePaymentEventUseCase;
import dev.agentcredits.application.port.in.SavePaymentMethodCommand;
import dev.agentcredits.application.port.in.StartCardSetupCommand;
import java.util.List;
import java.util.Map;

/**
 * API.md "Payments": the team's card and Stripe's webhooks (purchase history and refunds are {@link
 * PurchaseRoutes}).
 */
public final class PaymentRoutes implements RouteGroup {
  /** Stripe's events are far smaller; anything over 1 MiB is not one of them (413). */
  static final int MAX_WEBHOOK_BYTES = 1024 * 1024;

  private final PaymentMethodUseCase paymentMethods;
  private final ReceivePaymentEventUseCase webhooks;

  public PaymentRoutes(PaymentMethodUseCase paymentMethods, ReceivePaymentEventUseCase webhooks) {
    this.paymentMethods = paymentMethods;
    this.webhooks = webhooks;
  }

  @Override
  public List<Route> routes() {
    String card = "/api/v1/teams/{team_id}/payment-method";
    return List.of(
        Route.put(card, this::saveCard),
        Route.get(card, this::card),
        Route.delete(card, this::removeCard),
        Route.post(card + "/setup-session", this::startSetup),
        Route.post(card + "/setup-session/{session_id}/complete", this::completeSetup),
        Route.openPost("/webhooks/stripe", this::webhook));
  }

  private Reply saveCard(Exchange ex) {
    var team = ex.team();
    var request = ex.body(Requests.PaymentMethod.class);
    var command =
        Exchange.valid(() ->
            new SavePaymentMethodCommand(
                ex.caller(), team, request.stripeCustomerId(), request.paymentMethodId()));
    return ex.reply(paymentMethods.save(command), 200, PaymentBodies::paymentMethod);
  }

  private Reply card(Exchange ex) {
    return ex.reply(paymentMethods.find(ex.caller(), ex.team()), 200, PaymentBodies::paymentMethod);
  }

  private Reply removeCard(Exchange ex) {
    return ex.reply(paymentMethods.remove(ex.caller(), ex.team()), 204, nothing -> null);
  }

  private Reply startSetup(Exchange ex) {
    var team = ex.team();
    var request = ex.body(Requests.SetupSession.class);
    var command =
        Exchange.valid(() -> new StartCardSetupCommand(ex.caller(), team, request.returnUrl()));
    return ex.reply(paymentMethods.startSetup(command), 201, PaymentBodies::setupSession);
  }

  private Reply completeSetup(Exchange ex) {
    return ex.reply(
        paymentMethods.completeSetup(ex.caller(), ex.team(), ex.pathParam("session_id")),
        200,
        PaymentBodies::paymentMethod);
  }

  /** Stripe retries anything but a 2xx; a bad signature is a 400 that changes nothing. */
  private Reply webhook(Exchange ex) {
    var notification =
        new ReceivePaymentEventUseCase.Notification(
            ex.rawBody(MAX_WEBHOOK_BYTES), ex.header("Stripe-Signature"));
    return ex.reply(
        webhooks.receive(notification),
        200,
        handling ->
            Map.of(
                "received", true, "handling", handling.name().toLowerCase(java.util.Locale.ROOT)));
  }
}
