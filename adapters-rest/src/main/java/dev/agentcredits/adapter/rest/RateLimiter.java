package dev.agentcredits.adapter.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per key, kept as the generic cell rate algorithm does: one "theoretical arrival
 * time" per key, in nanoseconds, so a check is one compare-and-set and nothing is floating point. A
 * key may run {@code burst} requests ahead of its steady rate; the next one waits.
 */
final class RateLimiter {
  /** Above this many keys, keys whose bucket is full again are forgotten (they lose nothing). */
  static final int MAX_TRACKED = 10_000;

  private final RateLimit limit;
  private final LongSupplier nanoTime;
  private final long interval;
  private final long tolerance;
  private final Map<String, AtomicLong> arrivals = new ConcurrentHashMap<>();

  RateLimiter(RateLimit limit, LongSupplier nanoTime) {
    this.limit = limit;
    this.nanoTime = nanoTime;
    this.interval = limit.limits() ? ceilDiv(1_000_000_000L, limit.perSecond()) : 0;
    this.tolerance = limit.limits() ? interval * (limit.burst() - 1) : 0;
  }

  RateLimiter(RateLimit limit) {
    this(limit, System::nanoTime);
  }

  /** Takes one request for {@code key}: 0 when it may go ahead, else the seconds to wait (≥ 1). */
  long acquire(String key) {
    if (!limit.limits()) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    if (arrivals.size() > MAX_TRACKED) {
      arrivals.values().removeIf(tat -> tat.get() - now <= 0);
    }
    AtomicLong tat = arrivals.computeIfAbsent(key, k -> new AtomicLong(now));
    while (true) {
      long current = tat.get();
      long start = current - now > 0 ? current : now;
      long ahead = start - now;
      if (ahead > tolerance) {
        return Math.max(1, ceilDiv(ahead - tolerance, 1_000_000_000L));
      }
      if (tat.compareAndSet(current, start + interval)) {
        return 0;
      }
    }
  }

  RateLimit limit() {
    return limit;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
