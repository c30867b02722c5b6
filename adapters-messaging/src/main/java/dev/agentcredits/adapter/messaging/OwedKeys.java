package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.in.IdempotencyUseCase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Idempotency bookkeeping a failed store left undone. When the store fails between claiming a key
 * and storing its answer, the key would look "in flight" to the next delivery for {@code
 * IdempotencyStore.ABANDONED_AFTER}; settling what is owed first when the message comes back keeps
 * a redelivery from answering {@code conflict} to its own earlier attempt.
 */
final class OwedKeys {
  private static final int MAX_OWED = 10_000;

  private final IdempotencyUseCase idempotency;
  private final Map<String, Owed> owed =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Owed> eldest) {
          return size() > MAX_OWED;
        }
      };

  /** Bookkeeping a failed store left undone for a key. */
  private sealed interface Owed {
    /** The use case failed: give the key up. */
    record Release() implements Owed {}

    /** The use case ran: store its answer. */
    record Complete(int status, String body) implements Owed {}
  }

  OwedKeys(IdempotencyUseCase idempotency) {
    this.idempotency = idempotency;
  }

  synchronized void oweRelease(String scope, String key) {
    owed.put(scope + "\n" + key, new Owed.Release());
  }

  synchronized void oweComplete(String scope, String key, int status, String body) {
    owed.put(scope + "\n" + key, new Owed.Complete(status, body));
  }

  /** Does what is owed for the key, if anything; throws, still owing it, when the store fails. */
  synchronized void settle(String scope, String key) {
    Owed debt = owed.get(scope + "\n" + key);
    if (debt == null) {
      return;
    }
    switch (debt) {
      case Owed.Release r -> idempotency.release(scope, key);
      case Owed.Complete c -> idempotency.complete(scope, key, c.status(), c.body());
    }
    owed.remove(scope + "\n" + key);
  }
}
