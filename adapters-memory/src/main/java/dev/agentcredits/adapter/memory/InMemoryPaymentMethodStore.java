package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.PaymentMethodStore;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Map;
import java.util.Optional;

final class InMemoryPaymentMethodStore implements PaymentMethodStore {
  private final MemoryDatabase db;
  private final Table<TeamId, PaymentMethod> methods;

  /** Customer id to its team, in the order claimed (as V6's payment_customers). */
  private final Table<String, TeamId> customers;

  InMemoryPaymentMethodStore(MemoryDatabase db) {
    this.db = db;
    this.methods = new Table<>(db);
    this.customers = new Table<>(db);
  }

  @Override
  public Optional<PaymentMethod> find(TeamId team) {
    return db.call(() -> methods.get(team));
  }

  @Override
  public void save(TeamId team, PaymentMethod method) {
    db.run(() -> {
      if (!customers.get(method.customerId()).map(team::equals).orElse(false)) {
        throw new IllegalStateException(
            "customer " + method.customerId() + " is not team " + team + "'s");
      }
      methods.put(team, method);
    });
  }

  @Override
  public boolean remove(TeamId team) {
    return db.call(() -> {
      boolean present = methods.contains(team);
      methods.remove(team);
      return present;
    });
  }

  @Override
  public TeamId claimCustomer(TeamId team, String customerId) {
    return db.call(() -> {
      var owner = customers.get(customerId);
      if (owner.isPresent()) {
        return owner.get();
      }
      customers.put(customerId, team);
      return team;
    });
  }

  @Override
  public Optional<TeamId> teamOfCustomer(String customerId) {
    return db.call(() -> customers.get(customerId));
  }

  @Override
  public Optional<String> customerOf(TeamId team) {
    return db.call(() -> {
      var card = methods.get(team);
      if (card.isPresent()) {
        return Optional.of(card.get().customerId());
      }
      String last = null;
      for (Map.Entry<String, TeamId> entry : customers.entries()) {
        if (entry.getValue().equals(team)) {
          last = entry.getKey();
        }
      }
      return Optional.ofNullable(last);
    });
  }
}
