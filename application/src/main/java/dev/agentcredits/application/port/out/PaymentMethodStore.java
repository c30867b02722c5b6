package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Optional;

/** Each team's one saved payment method (rule 19). */
public interface PaymentMethodStore {
  Optional<PaymentMethod> find(TeamId team);

  /** Saves the team's card, replacing any before it. */
  void save(TeamId team, PaymentMethod method);

  /** Whether there was one to remove. */
  boolean remove(TeamId team);
}
