package dev.agentcredits.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again (API.md): about 5 s, 5 min, 30 min, 2 h, 5 h, then every 10
 * h, for 3 days after its first attempt, the last attempt at the end of those 3 days; then it has
 * failed. So an endpoint that never answers has failed for the whole 3 days by its last attempt,
 * and is disabled then ({@link WebhookEndpoint#failed}).
 */
public final class RetrySchedule {
  public static final Duration WINDOW = Duration.ofDays(3);
  static final List<Duration> DELAYS =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10));

  private RetrySchedule() {}

  /** The wait after the {@code failedAttempts}-th failed attempt (1 or more). */
  public static Duration delayAfter(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be at least 1");
    }
    return DELAYS.get(Math.min(failedAttempts, DELAYS.size()) - 1);
  }

  /**
   * The next attempt after a failure at {@code failedAt}: after the wait, but no later than {@code
   * retryUntil}; empty once a failure happens at or after {@code retryUntil}.
   */
  public static Optional<Instant> nextAttempt(
      int failedAttempts, Instant failedAt, Instant retryUntil) {
    Instant next = failedAt.plus(delayAfter(failedAttempts));
    if (!next.isAfter(retryUntil)) {
      return Optional.of(next);
    }
    return failedAt.isBefore(retryUntil) ? Optional.of(retryUntil) : Optional.empty();
  }
}
