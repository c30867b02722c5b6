package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code purchases}; the spend month is the date of its first day. */
record PurchaseRow(
    String purchaseId,
    String teamId,
    String poolId,
    long credits,
    long priceCents,
    String kind,
    String state,
    String requestedBy,
    LocalDate spendMonth,
    Instant createdAt,
    Instant expiresAt,
    String paymentReference,
    Instant refundedAt) {

  static final String COLUMNS =
      "purchase_id, team_id, pool_id, credits, price_cents, kind, state, requested_by,"
          + " spend_month, created_at, expires_at, payment_reference, refunded_at";

  static PurchaseRow of(Purchase purchase) {
    return new PurchaseRow(
        purchase.id().value(),
        purchase.team().value(),
        purchase.pool().value(),
        purchase.credits().value(),
        purchase.price().cents(),
        purchase.kind().name(),
        purchase.state().name(),
        purchase.requestedBy() == null ? null : purchase.requestedBy().value(),
        purchase.spendMonth().atDay(1),
        purchase.createdAt(),
        purchase.expiresAt(),
        purchase.paymentReference(),
        purchase.refundedAt());
  }

  Purchase toPurchase() {
    return new Purchase(
        new PurchaseId(purchaseId),
        new TeamId(teamId),
        new PoolId(poolId),
        Credits.of(credits),
        Money.cents(priceCents),
        PurchaseKind.valueOf(kind),
        PurchaseState.valueOf(state),
        requestedBy == null ? null : new MemberId(requestedBy),
        YearMonth.from(spendMonth),
        createdAt,
        expiresAt,
        paymentReference,
        refundedAt);
  }

  static PurchaseRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PurchaseRow(
        rs.getString("purchase_id"),
        rs.getString("team_id"),
        rs.getString("pool_id"),
        rs.getLong("credits"),
        rs.getLong("price_cents"),
        rs.getString("kind"),
        rs.getString("state"),
        rs.getString("requested_by"),
        rs.getObject("spend_month", LocalDate.class),
        Rows.INSTANT.map(rs, "created_at", ctx),
        Rows.INSTANT.map(rs, "expires_at", ctx),
        rs.getString("payment_reference"),
        Rows.INSTANT.map(rs, "refunded_at", ctx));
  }
}
