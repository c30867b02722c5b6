package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.StartCardSetupCommand;
import dev.agentcredits.application.port.in.view.SetupSessionView;
import dev.agentcredits.application.port.out.CardSetup;
import dev.agentcredits.application.port.out.CardSetup.NewCustomer;
import dev.agentcredits.application.port.out.CardSetup.SessionEnd;
import dev.agentcredits.application.port.out.CardSetup.SessionStart;
import dev.agentcredits.application.port.out.PaymentMethodStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;
import java.util.regex.Pattern;

/**
 * Adding a card on the provider's page (issue 18, item 10): a setup session for the team's own
 * customer (made, and marked as the team's, the first time), then the card it saved, saved as the
 * team's with the same ownership checks as a card named by id. The provider is asked with no
 * transaction open.
 */
public final class CardSetupFlow {
  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_]{1,255}");

  private final PaymentMethodStore methods;
  private final TransactionRunner tx;
  private final CardSetup setup;
  private final Access access;
  private final CardOwnership ownership;

  public CardSetupFlow(
      PaymentMethodStore methods,
      TransactionRunner tx,
      CardSetup setup,
      Access access,
      CardOwnership ownership) {
    this.methods = methods;
    this.tx = tx;
    this.setup = setup;
    this.access = access;
    this.ownership = ownership;
  }

  SetupSessionView start(StartCardSetupCommand command) {
    TeamId team = command.team();
    var known =
        tx.inTransaction(() -> {
          access.administeredTeam(command.caller(), team);
          return methods.customerOf(team);
        });
    String customer = known.isPresent() ? known.get() : newCustomer(command.caller(), team);
    return switch (setup.startSession(team, customer, command.returnUrl())) {
      case SessionStart.Started started -> new SetupSessionView(started.sessionId(), started.url());
      case SessionStart.Refused refused -> throw Guard.refuse(Refusal.invalid(refused.reason()));
      case SessionStart.Unknown unknown -> throw CardOwnership.unanswered(unknown.reason());
    };
  }

  PaymentMethod complete(Caller caller, TeamId team, String sessionId) {
    if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
      throw Guard.refuse(
          Refusal.invalid(
              "session_id must be the session_id a setup session was answered with (1-255"
                  + " letters, digits or underscores)"));
    }
    String teamCustomer =
        tx.inTransaction(() -> {
          access.administeredTeam(caller, team);
          return methods.customerOf(team).orElse(null);
        });
    PaymentMethod method =
        switch (setup.finishSession(team, teamCustomer, sessionId)) {
          case SessionEnd.Completed completed -> completed.method();
          case SessionEnd.NotFound notFound ->
              throw Guard.refuse(Refusal.notFound("setup session " + sessionId));
          case SessionEnd.Refused refused -> throw Guard.refuse(Refusal.conflict(refused.reason()));
          case SessionEnd.Unknown unknown -> throw CardOwnership.unanswered(unknown.reason());
        };
    ownership.checkCustomer(team, method.customerId());
    ownership.save(caller, team, method);
    return method;
  }

  private String newCustomer(Caller caller, TeamId team) {
    String created =
        switch (setup.createCustomer(team)) {
          case NewCustomer.Created c -> c.customerId();
          case NewCustomer.Unknown unknown -> throw CardOwnership.unanswered(unknown.reason());
        };
    tx.inTransaction(() -> {
      access.administeredTeam(caller, team);
      ownership.claim(team, created);
      return null;
    });
    return created;
  }
}
