package dev.agentcredits.application.usecase;

import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import java.time.Instant;
import java.util.Optional;

/**
 * An idempotency store whose next attempts to keep an outcome fail, as a store going down would.
 */
final class FailingIdempotencyStore implements IdempotencyStore {
  private final IdempotencyStore store;
  private int failures;

  FailingIdempotencyStore(IdempotencyStore store, int failures) {
    this.store = store;
    this.failures = failures;
  }

  @Override
  public Optional<IdempotencyRecord> claim(
      String scope, String key, String fingerprint, Instant now, Class<?> valueType) {
    return store.claim(scope, key, fingerprint, now, valueType);
  }

  @Override
  public synchronized void complete(String scope, String key, Object outcome) {
    if (failures > 0) {
      failures--;
      throw new ResourceUnavailableException("the store is down", null);
    }
    store.complete(scope, key, outcome);
  }

  @Override
  public void release(String scope, String key) {
    store.release(scope, key);
  }

  @Override
  public int purgeCreatedBefore(Instant cutoff) {
    return store.purgeCreatedBefore(cutoff);
  }
}
