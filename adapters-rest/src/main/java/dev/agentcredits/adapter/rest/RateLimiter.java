package dev.agentcredits.adapter.rest;

import java.util.function.LongSupplier;

/** How many requests each key may make ({@link RateLimit}), one token bucket per key. */
final class RateLimiter {
  /** Above this many keys, keys whose bucket is full again are forgotten (they lose nothing). */
  static final int MAX_TRACKED = 10_000;

  private final RateLimit limit;
  private final LongSupplier nanoTime;
  private final TokenBuckets buckets;

  RateLimiter(RateLimit limit, LongSupplier nanoTime) {
    this.limit = limit;
    this.nanoTime = nanoTime;
    this.buckets = limit.limits() ? new TokenBuckets(limit) : null;
  }

  RateLimiter(RateLimit limit) {
    this(limit, System::nanoTime);
  }

  /** Takes one request for {@code key}: 0 when it may go ahead, else the seconds to wait (≥ 1). */
  long acquire(String key) {
    if (buckets == null) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    if (buckets.size() > MAX_TRACKED) {
      buckets.forgetFull(now);
    }
    return buckets.take(key, now);
  }

  RateLimit limit() {
    return limit;
  }
}
