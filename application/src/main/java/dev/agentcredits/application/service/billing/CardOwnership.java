package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.CardSetup;
import dev.agentcredits.application.port.out.CardSetup.CustomerCheck;
import dev.agentcredits.application.port.out.PaymentMethodStore;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;

/**
 * A provider's customer, and so its cards, is one team's (issue 18): the store links each customer
 * to the team that first claimed it, and the provider's customer names its team. A customer that
 * either names another team is refused, changing nothing.
 */
public final class CardOwnership {
  private final PaymentMethodStore methods;
  private final TransactionRunner tx;
  private final CardSetup setup;
  private final Access access;

  public CardOwnership(
      PaymentMethodStore methods, TransactionRunner tx, CardSetup setup, Access access) {
    this.methods = methods;
    this.tx = tx;
    this.setup = setup;
    this.access = access;
  }

  /**
   * Refuses a customer the store or the provider gives to another team; a customer that names no
   * team at the provider is marked as this team's there. Runs with no transaction open.
   */
  void checkCustomer(TeamId team, String customerId) {
    refuseIfAnotherTeams(team, customerId);
    switch (setup.claim(team, customerId)) {
      case CustomerCheck.Ours ours -> {}
      case CustomerCheck.OtherTeam other -> throw Guard.refuse(anotherTeams(customerId));
      case CustomerCheck.Missing missing -> throw Guard.refuse(Refusal.invalid(missing.reason()));
      case CustomerCheck.Unknown unknown -> throw unanswered(unknown.reason());
    }
  }

  /** Refuses a customer the store links to another team, asking no provider. */
  void refuseIfAnotherTeams(TeamId team, String customerId) {
    var linked = tx.inTransaction(() -> methods.teamOfCustomer(customerId));
    if (linked.isPresent() && !linked.get().equals(team)) {
      throw Guard.refuse(anotherTeams(customerId));
    }
  }

  /** Saves the card as the team's, its customer with it; both in one transaction. */
  void save(Caller caller, TeamId team, PaymentMethod method) {
    tx.inTransaction(() -> {
      access.administeredTeam(caller, team);
      claim(team, method.customerId());
      methods.save(team, method);
      return null;
    });
  }

  /** Links the customer to the team in the store (inside a transaction), unless it is another's. */
  void claim(TeamId team, String customerId) {
    if (!methods.claimCustomer(team, customerId).equals(team)) {
      throw Guard.refuse(anotherTeams(customerId));
    }
  }

  static Refusal anotherTeams(String customerId) {
    return Refusal.conflict(
        "Stripe customer "
            + customerId
            + " belongs to another team; a customer and its cards are one team's. Save a card of"
            + " this team's own customer, or add one with POST"
            + " /teams/{team_id}/payment-method/setup-session");
  }

  static ResourceUnavailableException unanswered(String reason) {
    return new ResourceUnavailableException(
        "the payment provider did not answer (" + reason + "); retry", null);
  }
}
