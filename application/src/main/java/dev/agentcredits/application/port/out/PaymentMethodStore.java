package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Optional;

/**
 * Each team's one saved payment method (rule 19), and which team each of the provider's customers
 * belongs to: a customer is one team's for good, unique across teams.
 */
public interface PaymentMethodStore {
  Optional<PaymentMethod> find(TeamId team);

  /**
   * Saves the team's card, replacing any before it. Its customer must be the team's ({@link
   * #claimCustomer}); a customer of another team fails the transaction.
   */
  void save(TeamId team, PaymentMethod method);

  /** Whether there was one to remove. The customer stays the team's. */
  boolean remove(TeamId team);

  /**
   * Makes the customer the team's, unless it already belongs to another team: then nothing changes
   * and that team is answered. Answers the team the customer belongs to now.
   */
  TeamId claimCustomer(TeamId team, String customerId);

  /** The team the customer belongs to, if any claimed it. */
  Optional<TeamId> teamOfCustomer(String customerId);

  /** The team's customer: its card's, else the one it claimed last. */
  Optional<String> customerOf(TeamId team);
}
