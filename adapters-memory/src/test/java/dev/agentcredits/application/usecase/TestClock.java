package dev.agentcredits.application.usecase;

import dev.agentcredits.application.port.out.ClockControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock that moves only when told to; safe to read from many threads. */
final class TestClock extends Clock implements ClockControl {
  private final AtomicReference<Instant> now;
  private volatile long readDelayMillis;

  TestClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public Instant advance(Duration by) {
    return now.updateAndGet(t -> t.plus(by));
  }

  /** Makes every reading take a while, to widen the windows between a use case's steps. */
  void slowDownReads(Duration by) {
    readDelayMillis = by.toMillis();
  }

  @Override
  public Instant instant() {
    if (readDelayMillis > 0) {
      try {
        Thread.sleep(readDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("billing time is UTC");
    }
    return this;
  }
}
