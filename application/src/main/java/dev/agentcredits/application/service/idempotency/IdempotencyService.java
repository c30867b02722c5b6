package dev.agentcredits.application.service.idempotency;

import dev.agentcredits.application.port.in.IdempotencyUseCase;
import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.IdempotencyStore.IdempotencyRecord;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.time.Clock;
import java.util.Optional;

/**
 * DOMAIN.md rule 18: the same key and request replays; another request, or one in flight,
 * conflicts.
 */
public final class IdempotencyService implements IdempotencyUseCase {
  private final IdempotencyStore store;
  private final TransactionRunner tx;
  private final Clock clock;

  public IdempotencyService(IdempotencyStore store, TransactionRunner tx, Clock clock) {
    this.store = store;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Claim claim(String scope, String key, String fingerprint) {
    Optional<IdempotencyRecord> existing =
        tx.inTransaction(() -> store.claim(scope, key, fingerprint, clock.instant()));
    if (existing.isEmpty()) {
      return new Claim.Proceed();
    }
    IdempotencyRecord record = existing.get();
    if (!record.fingerprint().equals(fingerprint)) {
      return new Claim.Conflict("the idempotency key was used for a different request");
    }
    if (!record.isComplete()) {
      return new Claim.InFlight("a request with this idempotency key is still in flight");
    }
    return new Claim.Replay(record.status(), record.body());
  }

  @Override
  public void complete(String scope, String key, int status, String body) {
    tx.inTransaction(() -> {
      store.complete(scope, key, status, body);
      return null;
    });
  }

  @Override
  public void release(String scope, String key) {
    tx.inTransaction(() -> {
      store.release(scope, key);
      return null;
    });
  }
}
