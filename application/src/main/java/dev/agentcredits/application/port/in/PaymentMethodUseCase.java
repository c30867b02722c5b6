package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.PaymentMethodView;
import dev.agentcredits.application.port.in.view.SetupSessionView;
import dev.agentcredits.domain.shared.TeamId;

/** The team's card (rule 19): operator, owner or admin. */
public interface PaymentMethodUseCase {
  /** Saves the card after the provider confirmed it and described it. */
  Outcome<PaymentMethodView> save(SavePaymentMethodCommand command);

  Outcome<PaymentMethodView> find(Caller caller, TeamId team);

  Outcome<Void> remove(Caller caller, TeamId team);

  /** Opens the provider's page where a card is entered for the team's customer. */
  Outcome<SetupSessionView> startSetup(StartCardSetupCommand command);

  /** Saves the card a finished setup page entered; the same session again answers the same. */
  Outcome<PaymentMethodView> completeSetup(Caller caller, TeamId team, String sessionId);
}
