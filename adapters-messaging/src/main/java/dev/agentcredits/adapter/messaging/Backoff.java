package dev.agentcredits.adapter.messaging;

import java.time.Duration;

/** Exponential back-off: {@code initial}, doubled after every failure, at most {@code max}. */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private long nextMillis;

  Backoff(Duration initial, Duration max) {
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.nextMillis = initialMillis;
  }

  /** The delay to wait now; the next one is twice as long. */
  long nextDelayMillis() {
    long delay = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return delay;
  }

  void reset() {
    nextMillis = initialMillis;
  }
}
