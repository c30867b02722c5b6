package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.PaymentMethodStore;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Optional;

/** Each team's saved card in {@code payment_methods}. */
public final class PostgresPaymentMethodStore implements PaymentMethodStore {
  private final JdbiTransactionRunner db;

  PostgresPaymentMethodStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public Optional<PaymentMethod> find(TeamId team) {
    return db.withDao(
        PaymentMethodDao.class,
        dao -> dao.find(team.value()).map(PaymentMethodRow::toPaymentMethod));
  }

  @Override
  public void save(TeamId team, PaymentMethod method) {
    var card = method.card();
    db.withDao(
        PaymentMethodDao.class,
        dao -> {
          dao.save(
              team.value(),
              method.customerId(),
              method.paymentMethodId(),
              card == null ? null : card.brand(),
              card == null ? null : card.last4(),
              card == null ? null : card.expMonth(),
              card == null ? null : card.expYear());
          return null;
        });
  }

  @Override
  public boolean remove(TeamId team) {
    return db.withDao(PaymentMethodDao.class, dao -> dao.remove(team.value()) > 0);
  }
}
