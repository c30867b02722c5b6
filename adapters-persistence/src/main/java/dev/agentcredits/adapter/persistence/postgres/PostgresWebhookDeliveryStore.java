package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The delivery queue in {@code webhook_deliveries}: workers on every instance claim due rows with
 * {@code FOR UPDATE SKIP LOCKED}, and a claim is a lease on the row's {@code next_attempt_at}.
 */
public final class PostgresWebhookDeliveryStore implements WebhookDeliveryStore {
  private final JdbiTransactionRunner db;

  PostgresWebhookDeliveryStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public int enqueue(List<WebhookDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return 0;
    }
    var columns = DeliveryColumns.of(deliveries.stream().map(WebhookDeliveryRow::of).toList());
    return db.withDao(WebhookDeliveryDao.class, dao -> dao.enqueue(columns));
  }

  @Override
  public List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
    return deliveries(
        db.withDao(WebhookDeliveryDao.class, dao -> dao.claimDue(now, leaseUntil, limit)));
  }

  @Override
  public boolean saveAttempt(WebhookDelivery delivery, Instant claimedUntil) {
    var row = WebhookDeliveryRow.of(delivery);
    return db.withDao(WebhookDeliveryDao.class, dao -> dao.saveAttempt(row, claimedUntil)) > 0;
  }

  @Override
  public Optional<WebhookDelivery> find(WebhookEndpointId endpoint, WebhookDeliveryId id) {
    return db.withDao(
        WebhookDeliveryDao.class,
        dao -> dao.find(endpoint.value(), id.value()).map(WebhookDeliveryRow::toDelivery));
  }

  @Override
  public void save(WebhookDelivery delivery) {
    var row = WebhookDeliveryRow.of(delivery);
    db.withDao(WebhookDeliveryDao.class, dao -> dao.save(row));
  }

  @Override
  public List<WebhookDelivery> page(WebhookEndpointId endpoint, Position after, int limit) {
    return deliveries(
        db.withDao(
            WebhookDeliveryDao.class,
            dao ->
                after == null
                    ? dao.first(endpoint.value(), limit)
                    : dao.after(endpoint.value(), after.createdAt(), after.id().value(), limit)));
  }

  @Override
  public int abandonPending(WebhookEndpointId endpoint, String why) {
    return db.withDao(WebhookDeliveryDao.class, dao -> dao.abandonPending(endpoint.value(), why));
  }

  @Override
  public Backlog backlog() {
    WebhookBacklogRow row = db.withDao(WebhookDeliveryDao.class, WebhookDeliveryDao::backlog);
    return new Backlog(
        row.pending(),
        row.delivered(),
        row.failed(),
        Optional.ofNullable(row.oldestPendingSince()));
  }

  private static List<WebhookDelivery> deliveries(List<WebhookDeliveryRow> rows) {
    return rows.stream().map(WebhookDeliveryRow::toDelivery).toList();
  }
}
