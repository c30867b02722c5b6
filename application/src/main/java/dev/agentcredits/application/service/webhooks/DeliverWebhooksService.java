package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.in.DeliverWebhooksUseCase;
import dev.agentcredits.application.port.in.view.WebhookBacklogView;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The delivery worker (rule 26). It claims due deliveries in one short transaction and makes each
 * its {@link WebhookAttempt}: posted with no transaction open, its result recorded in a transaction
 * of its own. A claim is a lease: a worker that dies mid-attempt leaves its deliveries due again
 * when the lease ends, so none is lost (at least once).
 */
public final class DeliverWebhooksService implements DeliverWebhooksUseCase {
  /** Longer than an attempt can take: the host look-up and the sender's 10 s time-out. */
  static final Duration LEASE = Duration.ofMinutes(1);

  private final WebhookDeliveryStore deliveries;
  private final TransactionRunner tx;
  private final WebhookAttempt attempt;
  private final Executor attempts;
  private final Clock clock;

  /** {@code attempts} runs the attempts of one batch, e.g. each on a virtual thread of its own. */
  public DeliverWebhooksService(
      WebhookDeliveryStore deliveries,
      TransactionRunner tx,
      WebhookAttempt attempt,
      Executor attempts,
      Clock clock) {
    this.deliveries = deliveries;
    this.tx = tx;
    this.attempt = attempt;
    this.attempts = attempts;
    this.clock = clock;
  }

  @Override
  public int deliverDue(int limit) {
    Instant now = clock.instant();
    List<WebhookDelivery> claimed =
        tx.inTransaction(() -> deliveries.claimDue(now, now.plus(LEASE), limit));
    var running =
        claimed.stream()
            .map(delivery -> CompletableFuture.runAsync(() -> attempt.make(delivery), attempts))
            .toList();
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      // the others finished; an attempt that could not be recorded is due again after its lease
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return claimed.size();
  }

  @Override
  public WebhookBacklogView backlog() {
    Instant now = clock.instant();
    WebhookDeliveryStore.Backlog backlog = tx.inTransaction(deliveries::backlog);
    Duration age =
        backlog
            .oldestPendingSince()
            .filter(since -> since.isBefore(now))
            .map(since -> Duration.between(since, now))
            .orElse(Duration.ZERO);
    return new WebhookBacklogView(backlog.pending(), backlog.delivered(), backlog.failed(), age);
  }
}
