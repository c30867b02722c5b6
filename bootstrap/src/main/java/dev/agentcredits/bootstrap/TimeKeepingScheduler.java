package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.in.TimeKeepingUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the work time makes due every second; a failure is logged once and retried next tick. */
final class TimeKeepingScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TimeKeepingScheduler.class);

  private final TimeKeepingUseCase timeKeeping;
  private final ScheduledExecutorService executor;
  private boolean failing;

  TimeKeepingScheduler(TimeKeepingUseCase timeKeeping) {
    this.timeKeeping = timeKeeping;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("time-keeping").daemon(true).factory());
  }

  TimeKeepingScheduler start(Duration period) {
    executor.scheduleWithFixedDelay(
        this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void tick() {
    try {
      timeKeeping.runDueWork();
      if (failing) {
        LOG.info("time-keeping works again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warn("time-keeping failed; retrying every tick: {}", e.toString());
        failing = true;
      }
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
