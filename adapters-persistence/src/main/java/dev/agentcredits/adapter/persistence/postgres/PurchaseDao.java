package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface PurchaseDao {
  @SqlUpdate(
      "INSERT INTO purchases ("
          + PurchaseRow.COLUMNS
          + ", request_key) VALUES (:purchaseId, :teamId, :poolId, :credits, :priceCents, :kind,"
          + " :state, :requestedBy, :spendMonth, :createdAt, :expiresAt, :paymentReference,"
          + " :refundedAt, :requestKey)")
  void insert(@BindRecord PurchaseRow purchase, @Bind("requestKey") String requestKey);

  @SqlQuery(
      "SELECT "
          + PurchaseRow.COLUMNS
          + " FROM purchases WHERE purchase_id = :id"
          + " FOR NO KEY UPDATE")
  Optional<PurchaseRow> lock(@Bind("id") String id);

  @SqlQuery(
      "SELECT "
          + PurchaseRow.COLUMNS
          + " FROM purchases WHERE team_id = :team"
          + " AND request_key = :key")
  Optional<PurchaseRow> findByRequestKey(@Bind("team") String team, @Bind("key") String requestKey);

  @SqlUpdate(
      "UPDATE purchases SET pool_id = :poolId, credits = :credits, price_cents = :priceCents,"
          + " kind = :kind, state = :state, requested_by = :requestedBy,"
          + " spend_month = :spendMonth, created_at = :createdAt, expires_at = :expiresAt,"
          + " payment_reference = :paymentReference, refunded_at = :refundedAt"
          + " WHERE purchase_id = :purchaseId")
  int update(@BindRecord PurchaseRow purchase);

  @SqlQuery(
      "SELECT purchase_id FROM purchases WHERE state = 'PENDING' AND created_at < :cutoff"
          + " ORDER BY created_at, purchase_id LIMIT :limit")
  List<String> pendingCreatedBefore(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

  @SqlQuery(
      "SELECT " + PurchaseRow.COLUMNS + " FROM purchases WHERE payment_reference = :reference")
  Optional<PurchaseRow> findByPaymentReference(@Bind("reference") String reference);

  @SqlQuery(
      "SELECT "
          + PurchaseRow.COLUMNS
          + " FROM purchases WHERE pool_id = :pool"
          + " ORDER BY created_at DESC, purchase_id DESC LIMIT :limit")
  List<PurchaseRow> newestForPool(@Bind("pool") String pool, @Bind("limit") int limit);

  @SqlQuery(
      "SELECT "
          + PurchaseRow.COLUMNS
          + " FROM purchases p WHERE pool_id = :pool AND (created_at, purchase_id) <"
          + " (SELECT created_at, purchase_id FROM purchases WHERE purchase_id = :after)"
          + " ORDER BY created_at DESC, purchase_id DESC LIMIT :limit")
  List<PurchaseRow> forPoolAfter(
      @Bind("pool") String pool, @Bind("after") String after, @Bind("limit") int limit);

  /** Each pool's newest declined auto-reload's time; pools without one left out. */
  @SqlQuery(
      "SELECT p.pool_id, last.created_at AS at FROM unnest(:pools) AS p (pool_id) CROSS JOIN"
          + " LATERAL (SELECT created_at FROM purchases u WHERE u.pool_id = p.pool_id"
          + " AND u.kind = 'AUTO_RELOAD' AND u.state = 'DECLINED'"
          + " ORDER BY created_at DESC LIMIT 1) last")
  List<PoolTimeRow> lastDeclinedReloads(@Bind("pools") String[] pools);
}
