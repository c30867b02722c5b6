package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.PaymentMethodStore;
import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Optional;

/**
 * Each team's saved card in {@code payment_methods}, its customers in {@code payment_customers}.
 */
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

  @Override
  public TeamId claimCustomer(TeamId team, String customerId) {
    return new TeamId(
        db.withDao(PaymentMethodDao.class, dao -> dao.claimCustomer(team.value(), customerId)));
  }

  @Override
  public Optional<TeamId> teamOfCustomer(String customerId) {
    return db.withDao(
        PaymentMethodDao.class, dao -> dao.teamOfCustomer(customerId).map(TeamId::new));
  }

  @Override
  public Optional<String> customerOf(TeamId team) {
    return db.withDao(PaymentMethodDao.class, dao -> dao.customerOf(team.value()));
  }
}
