package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface WebhookDeliveryDao {
  String SELECT = "SELECT " + WebhookDeliveryRow.COLUMNS + " FROM webhook_deliveries";
  String NEWEST_FIRST = " ORDER BY created_at DESC, delivery_id COLLATE \"C\" DESC LIMIT :limit";
  String ATTEMPT =
      "UPDATE webhook_deliveries SET state = :state, attempts = :attempts,"
          + " next_attempt_at = :nextAttemptAt, retry_until = :retryUntil,"
          + " last_status = :lastStatus, last_error = :lastError, delivered_at = :deliveredAt"
          + " WHERE delivery_id = :deliveryId";

  /**
   * The deliveries as a JSON array {@code :deliveries} (one statement, whatever their number); an
   * event already queued for the endpoint is left as it is.
   */
  @SqlUpdate(
      "INSERT INTO webhook_deliveries ("
          + WebhookDeliveryRow.COLUMNS
          + ") SELECT "
          + WebhookDeliveryRow.COLUMNS
          + " FROM jsonb_to_recordset(CAST(:deliveries AS jsonb)) AS d(delivery_id text,"
          + " endpoint_id text, team_id text, event_id text, event_type text, body text,"
          + " state text, attempts integer, created_at timestamptz, next_attempt_at timestamptz,"
          + " retry_until timestamptz, last_status integer, last_error text,"
          + " delivered_at timestamptz) ON CONFLICT (endpoint_id, event_id) DO NOTHING")
  int enqueue(@Bind("deliveries") String deliveries);

  /** Rows another worker is claiming are skipped, not waited for. */
  @SqlQuery(
      "UPDATE webhook_deliveries SET next_attempt_at = :leaseUntil WHERE delivery_id IN ("
          + "SELECT delivery_id FROM webhook_deliveries"
          + " WHERE state = 'PENDING' AND next_attempt_at <= :now"
          + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
          + " RETURNING "
          + WebhookDeliveryRow.COLUMNS)
  List<WebhookDeliveryRow> claimDue(
      @Bind("now") Instant now, @Bind("leaseUntil") Instant leaseUntil, @Bind("limit") int limit);

  @SqlUpdate(ATTEMPT + " AND state = 'PENDING' AND next_attempt_at = :claimedUntil")
  int saveAttempt(
      @BindMap Map<String, Object> delivery, @Bind("claimedUntil") Instant claimedUntil);

  @SqlUpdate(ATTEMPT)
  int save(@BindMap Map<String, Object> delivery);

  @SqlQuery(SELECT + " WHERE endpoint_id = :endpoint AND delivery_id = :id")
  Optional<WebhookDeliveryRow> find(@Bind("endpoint") String endpoint, @Bind("id") String id);

  @SqlQuery(SELECT + " WHERE endpoint_id = :endpoint" + NEWEST_FIRST)
  List<WebhookDeliveryRow> first(@Bind("endpoint") String endpoint, @Bind("limit") int limit);

  @SqlQuery(
      SELECT
          + " WHERE endpoint_id = :endpoint"
          + " AND (created_at, delivery_id COLLATE \"C\") < (:beforeAt, :beforeId)"
          + NEWEST_FIRST)
  List<WebhookDeliveryRow> after(
      @Bind("endpoint") String endpoint,
      @Bind("beforeAt") Instant beforeAt,
      @Bind("beforeId") String beforeId,
      @Bind("limit") int limit);

  @SqlUpdate(
      "UPDATE webhook_deliveries SET state = 'FAILED', next_attempt_at = NULL, last_error = :why"
          + " WHERE endpoint_id = :endpoint AND state = 'PENDING'")
  int abandonPending(@Bind("endpoint") String endpoint, @Bind("why") String why);

  @SqlQuery(
      "SELECT count(*) FILTER (WHERE state = 'PENDING') AS pending,"
          + " count(*) FILTER (WHERE state = 'DELIVERED') AS delivered,"
          + " count(*) FILTER (WHERE state = 'FAILED') AS failed,"
          + " min(created_at) FILTER (WHERE state = 'PENDING') AS oldest_pending"
          + " FROM webhook_deliveries")
  WebhookBacklogRow backlog();
}
