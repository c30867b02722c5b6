package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.domain.purchase.PaymentMethod;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code payment_methods}; the card columns are null when the provider showed none. */
record PaymentMethodRow(
    String teamId,
    String customerId,
    String paymentMethodId,
    String brand,
    String last4,
    Integer expMonth,
    Integer expYear) {

  PaymentMethod toPaymentMethod() {
    return new PaymentMethod(
        customerId,
        paymentMethodId,
        brand == null
            ? null
            : new PaymentMethod.Card(
                brand, last4, expMonth == null ? 0 : expMonth, expYear == null ? 0 : expYear));
  }

  static PaymentMethodRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PaymentMethodRow(
        rs.getString("team_id"),
        rs.getString("customer_id"),
        rs.getString("payment_method_id"),
        rs.getString("card_brand"),
        rs.getString("card_last4"),
        rs.getObject("card_exp_month", Integer.class),
        rs.getObject("card_exp_year", Integer.class));
  }
}
