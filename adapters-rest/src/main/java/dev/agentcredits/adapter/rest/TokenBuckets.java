package dev.agentcredits.adapter.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per key, kept as the generic cell rate algorithm does: one "theoretical arrival
 * time" per key, in nanoseconds, so a check is one compare-and-set and nothing is floating point. A
 * key may run {@code burst} tokens ahead of its steady rate; the next one waits. Shared by the
 * per-key request limit ({@link RateLimiter}) and the per-address budget of failed authentications
 * ({@link FailedAuthentications}).
 */
final class TokenBuckets {
  private final long interval;
  private final long tolerance;
  private final Map<String, AtomicLong> arrivals = new ConcurrentHashMap<>();

  /** {@code limit} must limit ({@link RateLimit#limits()}). */
  TokenBuckets(RateLimit limit) {
    this.interval = ceilDiv(1_000_000_000L, limit.perSecond());
    this.tolerance = interval * (limit.burst() - 1);
  }

  /** Takes a token for {@code key}: 0 when there was one, else the seconds to wait (≥ 1). */
  long take(String key, long now) {
    AtomicLong tat = arrivals.computeIfAbsent(key, k -> new AtomicLong(now));
    while (true) {
      long current = tat.get();
      long start = current - now > 0 ? current : now;
      long ahead = start - now;
      if (ahead > tolerance) {
        return secondsToWait(ahead);
      }
      if (tat.compareAndSet(current, start + interval)) {
        return 0;
      }
    }
  }

  /** Like {@link #take} but takes nothing: 0 when {@code key} has a token now. */
  long peek(String key, long now) {
    AtomicLong tat = arrivals.get(key);
    if (tat == null) {
      return 0;
    }
    long ahead = tat.get() - now;
    return ahead > tolerance ? secondsToWait(ahead) : 0;
  }

  boolean tracks(String key) {
    return arrivals.containsKey(key);
  }

  int size() {
    return arrivals.size();
  }

  /** Forgets the keys whose bucket is full again: they lose nothing. */
  void forgetFull(long now) {
    arrivals.values().removeIf(tat -> tat.get() - now <= 0);
  }

  private long secondsToWait(long ahead) {
    return Math.max(1, ceilDiv(ahead - tolerance, 1_000_000_000L));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
