package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PaymentMethodUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.SavePaymentMethodCommand;
import dev.agentcredits.application.port.in.view.PaymentMethodView;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentGateway.CardLookup;
import dev.agentcredits.application.port.out.PaymentMethodStore;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;

/**
 * The team's card (rule 19): attached at the provider outside this service, named here, and checked
 * with the provider before it is saved. The provider is asked with no transaction open.
 */
public final class PaymentMethodService implements PaymentMethodUseCase {
  private final PaymentMethodStore methods;
  private final TransactionRunner tx;
  private final PaymentGateway gateway;
  private final Access access;

  public PaymentMethodService(
      TeamStore teams, PaymentMethodStore methods, TransactionRunner tx, PaymentGateway gateway) {
    this.methods = methods;
    this.tx = tx;
    this.gateway = gateway;
    this.access = new Access(teams);
  }

  @Override
  public Outcome<PaymentMethodView> save(SavePaymentMethodCommand command) {
    return Guard.outcome(() -> {
      tx.inTransaction(() -> access.administeredTeam(command.caller(), command.team()));
      PaymentMethod checked =
          switch (gateway.lookUp(command.method())) {
            case CardLookup.Found found -> found.method();
            case CardLookup.Unusable unusable ->
                throw Guard.refuse(Refusal.invalid(unusable.reason()));
            case CardLookup.Unknown unknown ->
                throw new ResourceUnavailableException(
                    "the payment provider did not answer (" + unknown.reason() + "); retry", null);
          };
      tx.inTransaction(() -> {
        access.administeredTeam(command.caller(), command.team());
        methods.save(command.team(), checked);
        return null;
      });
      return Outcome.ok(view(checked));
    });
  }

  @Override
  public Outcome<PaymentMethodView> find(Caller caller, TeamId team) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          access.administeredTeam(caller, team);
          return methods
              .find(team)
              .map(m -> Outcome.ok(view(m)))
              .orElseGet(
                  () -> Outcome.refused(Refusal.notFound("a payment method of team " + team)));
        }));
  }

  @Override
  public Outcome<Void> remove(Caller caller, TeamId team) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          access.administeredTeam(caller, team);
          methods.remove(team);
          return Outcome.<Void>ok(null);
        }));
  }

  private static PaymentMethodView view(PaymentMethod method) {
    var card = method.card();
    return new PaymentMethodView(
        method.customerId(),
        method.paymentMethodId(),
        card == null
            ? null
            : new PaymentMethodView.CardView(
                card.brand(), card.last4(), card.expMonth(), card.expYear()));
  }
}
