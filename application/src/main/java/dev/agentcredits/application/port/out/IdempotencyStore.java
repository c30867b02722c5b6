package dev.agentcredits.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers what a use case answered under a request key, scoped by operation. The answer is the
 * use case's {@code Outcome}, given and read back as an {@link Object}, since outbound ports do not
 * name inbound types: an {@code Outcome} whose value is a {@code valueType}. The store keeps it as
 * it likes (the database adapter as JSON).
 */
public interface IdempotencyStore {
  /**
   * A claim still incomplete after this long was abandoned by a crashed request; the next claim
   * takes it over. Effects are still made once: runs and purchases carry their request key under a
   * unique constraint, and usage its usage id.
   */
  Duration ABANDONED_AFTER = Duration.ofMinutes(2);

  /**
   * Claims the key and answers empty, or answers the record that already holds it (complete, or
   * incomplete and claimed less than {@link #ABANDONED_AFTER} ago).
   */
  Optional<IdempotencyRecord> claim(
      String scope, String key, String fingerprint, Instant now, Class<?> valueType);

  /** Keeps the outcome under the key; part of the caller's transaction when there is one. */
  void complete(String scope, String key, Object outcome);

  /** Gives the key up after an outcome that changed nothing, or a failure, so a retry may run. */
  void release(String scope, String key);

  /** Forgets keys created before {@code cutoff}. */
  int purgeCreatedBefore(Instant cutoff);

  /** A claimed key; {@code outcome} is absent while the first request runs. */
  record IdempotencyRecord(String fingerprint, Instant claimedAt, Object outcome) {
    public boolean isComplete() {
      return outcome != null;
    }
  }
}
