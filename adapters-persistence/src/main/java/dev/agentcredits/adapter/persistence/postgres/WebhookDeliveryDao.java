package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
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
   * Any number of deliveries in one statement; an event already queued for the endpoint is left.
   */
  @SqlUpdate(
      "INSERT INTO webhook_deliveries ("
          + WebhookDeliveryRow.COLUMNS
          + ") SELECT * FROM unnest(CAST(:deliveryId AS text[]), CAST(:endpointId AS text[]),"
          + " CAST(:teamId AS text[]), CAST(:eventId AS text[]), CAST(:eventType AS text[]),"
          + " CAST(:body AS text[]), CAST(:state AS text[]), CAST(:attempts AS integer[]),"
          + " CAST(:createdAt AS timestamptz[]), CAST(:nextAttemptAt AS timestamptz[]),"
          + " CAST(:retryUntil AS timestamptz[]), CAST(:lastStatus AS integer[]),"
          + " CAST(:lastError AS text[]), CAST(:deliveredAt AS timestamptz[]))"
          + " ON CONFLICT (endpoint_id, event_id) DO NOTHING")
  int enqueue(@BindRecord DeliveryColumns deliveries);

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
      @BindRecord WebhookDeliveryRow delivery, @Bind("claimedUntil") Instant claimedUntil);

  @SqlUpdate(ATTEMPT)
  int save(@BindRecord WebhookDeliveryRow delivery);

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
