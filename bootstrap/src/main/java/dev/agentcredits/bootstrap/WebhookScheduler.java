package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.in.DeliverWebhooksUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the delivery worker every tick, batch after batch while batches come back full; a failure is
 * logged once and retried next tick. Instances each run one: a delivery is claimed by one at a
 * time.
 */
final class WebhookScheduler implements AutoCloseable {
  static final int BATCH = 32;
  private static final int MAX_BATCHES_PER_TICK = 20;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookScheduler.class);

  private final DeliverWebhooksUseCase deliver;
  private final ScheduledExecutorService executor;
  private boolean failing;

  WebhookScheduler(DeliverWebhooksUseCase deliver) {
    this.deliver = deliver;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webhook-deliveries").daemon(true).factory());
  }

  WebhookScheduler start(Duration period) {
    executor.scheduleWithFixedDelay(
        this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void tick() {
    try {
      for (int batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
        if (deliver.deliverDue(BATCH) < BATCH) {
          break;
        }
      }
      if (failing) {
        LOG.info("webhook deliveries work again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warn("webhook deliveries failed; retrying every tick: {}", e.toString());
        failing = true;
      }
    }
  }

  /** Attempts in flight are left to their leases: another instance, or the next start, retries. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
