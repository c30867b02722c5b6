package dev.agentcredits.application.memory;

import dev.agentcredits.application.port.out.PaymentMethodStore;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Optional;

final class InMemoryPaymentMethodStore implements PaymentMethodStore {
  private final MemoryDatabase db;
  private final Table<TeamId, PaymentMethod> methods;

  InMemoryPaymentMethodStore(MemoryDatabase db) {
    this.db = db;
    this.methods = new Table<>(db);
  }

  @Override
  public Optional<PaymentMethod> find(TeamId team) {
    return db.call(() -> methods.get(team));
  }

  @Override
  public void save(TeamId team, PaymentMethod method) {
    db.run(() -> methods.put(team, method));
  }

  @Override
  public boolean remove(TeamId team) {
    return db.call(() -> {
      boolean present = methods.contains(team);
      methods.remove(team);
      return present;
    });
  }
}
