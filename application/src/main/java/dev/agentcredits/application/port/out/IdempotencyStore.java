package dev.agentcredits.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Remembers what was answered to a request key, scoped by caller and operation. */
public interface IdempotencyStore {
  /**
   * A claim still incomplete after this long was abandoned by a crashed request; the next claim
   * takes it over. Effects are still made once: runs and purchases carry their request key under a
   * unique constraint.
   */
  Duration ABANDONED_AFTER = Duration.ofMinutes(2);

  /**
   * Claims the key and answers empty, or answers the record that already holds it (complete, or
   * incomplete and claimed less than {@link #ABANDONED_AFTER} ago).
   */
  Optional<IdempotencyRecord> claim(String scope, String key, String fingerprint, Instant now);

  /** Stores the answer; part of the caller's transaction when there is one. */
  void complete(String scope, String key, int status, String body);

  /** Gives the key up after a failure that changed nothing, so a retry may run. */
  void release(String scope, String key);

  /** Forgets keys created before {@code cutoff}. */
  int purgeCreatedBefore(Instant cutoff);

  /** A claimed key; {@code status} and {@code body} are absent while the first request runs. */
  record IdempotencyRecord(String fingerprint, Instant claimedAt, Integer status, String body) {
    public boolean isComplete() {
      return status != null;
    }
  }
}
