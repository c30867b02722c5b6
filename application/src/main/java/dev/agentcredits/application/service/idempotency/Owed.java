package dev.agentcredits.application.service.idempotency;

import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a failed store left undone for a key on this instance: a key to give up, or an outcome to
 * keep. Done before this instance claims the key again, so that a retry is not answered "in flight"
 * by its own earlier attempt for {@link IdempotencyStore#ABANDONED_AFTER}. Other instances wait for
 * the claim to lapse.
 */
final class Owed {
  private static final int MAX_OWED = 10_000;

  private final IdempotencyStore store;
  private final TransactionRunner tx;
  private final Map<String, Debt> owed =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Debt> eldest) {
          return size() > MAX_OWED;
        }
      };

  private sealed interface Debt {
    record Release() implements Debt {}

    record Keep(Object outcome) implements Debt {}
  }

  Owed(IdempotencyStore store, TransactionRunner tx) {
    this.store = store;
    this.tx = tx;
  }

  synchronized void release(String scope, String key) {
    owed.put(id(scope, key), new Debt.Release());
  }

  synchronized void keep(String scope, String key, Object outcome) {
    owed.put(id(scope, key), new Debt.Keep(outcome));
  }

  /** Does what is owed for the key, if anything; throws, still owing it, when the store fails. */
  void settle(String scope, String key) {
    Debt debt;
    synchronized (this) {
      debt = owed.get(id(scope, key));
    }
    if (debt == null) {
      return;
    }
    tx.inTransaction(() -> {
      switch (debt) {
        case Debt.Release r -> store.release(scope, key);
        case Debt.Keep k -> store.complete(scope, key, k.outcome());
      }
      return null;
    });
    synchronized (this) {
      owed.remove(id(scope, key), debt);
    }
  }

  private static String id(String scope, String key) {
    return scope + "\n" + key;
  }
}
