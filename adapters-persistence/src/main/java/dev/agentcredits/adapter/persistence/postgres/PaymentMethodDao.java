package dev.agentcredits.adapter.persistence.postgres;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface PaymentMethodDao {
  @SqlQuery(
      "SELECT team_id, customer_id, payment_method_id, card_brand, card_last4, card_exp_month,"
          + " card_exp_year FROM payment_methods WHERE team_id = :team")
  Optional<PaymentMethodRow> find(@Bind("team") String team);

  @SqlUpdate(
      "INSERT INTO payment_methods (team_id, customer_id, payment_method_id, card_brand,"
          + " card_last4, card_exp_month, card_exp_year) VALUES (:team, :customer, :method,"
          + " :brand, :last4, :expMonth, :expYear) ON CONFLICT (team_id) DO UPDATE SET"
          + " customer_id = excluded.customer_id, payment_method_id = excluded.payment_method_id,"
          + " card_brand = excluded.card_brand, card_last4 = excluded.card_last4,"
          + " card_exp_month = excluded.card_exp_month, card_exp_year = excluded.card_exp_year")
  void save(
      @Bind("team") String team,
      @Bind("customer") String customer,
      @Bind("method") String method,
      @Bind("brand") String brand,
      @Bind("last4") String last4,
      @Bind("expMonth") Integer expMonth,
      @Bind("expYear") Integer expYear);

  @SqlUpdate("DELETE FROM payment_methods WHERE team_id = :team")
  int remove(@Bind("team") String team);

  /** The customer's team after the claim: the claimant's, or the team that claimed it before. */
  @SqlQuery(
      "INSERT INTO payment_customers (customer_id, team_id) VALUES (:customer, :team)"
          + " ON CONFLICT (customer_id) DO UPDATE SET team_id = payment_customers.team_id"
          + " RETURNING team_id")
  String claimCustomer(@Bind("team") String team, @Bind("customer") String customer);

  @SqlQuery("SELECT team_id FROM payment_customers WHERE customer_id = :customer")
  Optional<String> teamOfCustomer(@Bind("customer") String customer);

  @SqlQuery(
      "SELECT coalesce((SELECT customer_id FROM payment_methods WHERE team_id = :team),"
          + " (SELECT customer_id FROM payment_customers WHERE team_id = :team"
          + " ORDER BY seq DESC LIMIT 1))")
  Optional<String> customerOf(@Bind("team") String team);
}
