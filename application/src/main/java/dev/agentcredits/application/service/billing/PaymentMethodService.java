package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PaymentMethodUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.SavePaymentMethodCommand;
import dev.agentcredits.application.port.in.StartCardSetupCommand;
import dev.agentcredits.application.port.in.view.PaymentMethodView;
import dev.agentcredits.application.port.in.view.SetupSessionView;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentGateway.CardLookup;
import dev.agentcredits.application.port.out.PaymentMethodStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;

/**
 * The team's card (rule 19): attached at the provider outside this service and named here, or
 * entered on the provider's setup page, and checked with the provider before it is saved; its
 * customer must be the team's own (issue 18). The provider is asked with no transaction open.
 */
public final class PaymentMethodService implements PaymentMethodUseCase {
  private final PaymentMethodStore methods;
  private final TransactionRunner tx;
  private final PaymentGateway gateway;
  private final Access access;
  private final CardOwnership ownership;
  private final CardSetupFlow setupFlow;

  public PaymentMethodService(
      PaymentMethodStore methods,
      TransactionRunner tx,
      PaymentGateway gateway,
      Access access,
      CardOwnership ownership,
      CardSetupFlow setupFlow) {
    this.methods = methods;
    this.tx = tx;
    this.gateway = gateway;
    this.access = access;
    this.ownership = ownership;
    this.setupFlow = setupFlow;
  }

  @Override
  public Outcome<PaymentMethodView> save(SavePaymentMethodCommand command) {
    return Guard.outcome(() -> {
      tx.inTransaction(() -> access.administeredTeam(command.caller(), command.team()));
      ownership.refuseIfAnotherTeams(command.team(), command.method().customerId());
      PaymentMethod checked =
          switch (gateway.lookUp(command.method())) {
            case CardLookup.Found found -> found.method();
            case CardLookup.Unusable unusable ->
                throw Guard.refuse(Refusal.invalid(unusable.reason()));
            case CardLookup.Unknown unknown -> throw CardOwnership.unanswered(unknown.reason());
          };
      // Marked as the team's at the provider only once the card is known to be the customer's.
      ownership.checkCustomer(command.team(), checked.customerId());
      ownership.save(command.caller(), command.team(), checked);
      return Outcome.ok(view(checked));
    });
  }

  @Override
  public Outcome<SetupSessionView> startSetup(StartCardSetupCommand command) {
    return Guard.outcome(() -> Outcome.ok(setupFlow.start(command)));
  }

  @Override
  public Outcome<PaymentMethodView> completeSetup(Caller caller, TeamId team, String sessionId) {
    return Guard.outcome(() -> Outcome.ok(view(setupFlow.complete(caller, team, sessionId))));
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

  static PaymentMethodView view(PaymentMethod method) {
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
