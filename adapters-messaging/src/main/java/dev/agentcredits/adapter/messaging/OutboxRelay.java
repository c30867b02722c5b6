package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.in.RelayEventsUseCase;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed events from the outbox to the broker on a background thread: batch after batch
 * while there is a backlog, one look every {@code pollInterval} when there is none, and with an
 * exponential back-off (up to 5 s) while publishing fails. An outage is logged when it starts and
 * when it ends, not at every attempt.
 */
public final class OutboxRelay implements AutoCloseable {
  static final int BATCH_SIZE = 100;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final RelayEventsUseCase relay;
  private final long pollMillis;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final AtomicLong lastSuccess = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private Thread worker;

  public OutboxRelay(RelayEventsUseCase relay, Duration pollInterval) {
    this.relay = Objects.requireNonNull(relay, "relay");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    this.pollMillis = pollInterval.toMillis();
  }

  /** Starts the relay thread; calling it again does nothing. */
  public synchronized void start() {
    if (worker != null) {
      return;
    }
    worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::run);
  }

  /** When a batch (possibly empty) last went through, in epoch milliseconds; 0 before the first. */
  public long lastSuccessEpochMillis() {
    return lastSuccess.get();
  }

  /** Failed attempts since the last success. */
  public long consecutiveFailures() {
    return failures.get();
  }

  private void run() {
    Backoff backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF);
    long outageStart = 0;
    long waitMillis = 0;
    try {
      while (!stopping.await(waitMillis, TimeUnit.MILLISECONDS)) {
        try {
          int sent = relay.relayBatch(BATCH_SIZE);
          lastSuccess.set(System.currentTimeMillis());
          long failed = failures.getAndSet(0);
          if (failed > 0) {
            log.info(
                "events are being published again after {} failed attempts in {} s",
                failed,
                (System.currentTimeMillis() - outageStart) / 1000);
            backoff.reset();
          }
          waitMillis = sent >= BATCH_SIZE ? 0 : pollMillis;
        } catch (RuntimeException e) {
          if (failures.incrementAndGet() == 1) {
            outageStart = System.currentTimeMillis();
            log.warn("publishing events failed; retrying with back-off: {}", e.toString());
          } else {
            log.debug("publishing events failed again: {}", e.toString());
          }
          waitMillis = backoff.nextDelayMillis();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the thread and waits for it: a batch in progress is finished, not interrupted. */
  @Override
  public void close() {
    Thread running;
    synchronized (this) {
      stopping.countDown();
      running = worker;
    }
    if (running == null) {
      return;
    }
    try {
      if (!running.join(STOP_TIMEOUT)) {
        log.warn(
            "the outbox relay did not stop within {} s; interrupting it", STOP_TIMEOUT.toSeconds());
        running.interrupt();
        running.join(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
