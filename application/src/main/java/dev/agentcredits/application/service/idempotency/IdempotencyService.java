package dev.agentcredits.application.service.idempotency;

import dev.agentcredits.application.port.in.IdempotencyUseCase;
import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.IdempotencyStore.IdempotencyRecord;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    return answer(existing, fingerprint);
  }

  /**
   * Claims in key order, whatever the order of the requests, so that two instances claiming
   * overlapping batches take the keys' row locks in the same order and cannot deadlock.
   */
  @Override
  public List<Claim> claimAll(String scope, List<Request> requests) {
    if (new HashSet<>(requests.stream().map(Request::key).toList()).size() != requests.size()) {
      throw new IllegalArgumentException("the keys of a batch must be distinct");
    }
    Map<String, Optional<IdempotencyRecord>> held =
        tx.inTransaction(() -> {
          Map<String, Optional<IdempotencyRecord>> found = new HashMap<>();
          requests.stream()
              .sorted(Comparator.comparing(Request::key))
              .forEach(r ->
                  found.put(
                      r.key(), store.claim(scope, r.key(), r.fingerprint(), clock.instant())));
          return found;
        });
    return requests.stream().map(r -> answer(held.get(r.key()), r.fingerprint())).toList();
  }

  private static Claim answer(Optional<IdempotencyRecord> existing, String fingerprint) {
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
  public void completeAll(String scope, List<Completion> completions) {
    tx.inTransaction(() -> {
      completions.forEach(c -> store.complete(scope, c.key(), c.status(), c.body()));
      return null;
    });
  }

  @Override
  public void releaseAll(String scope, List<String> keys) {
    tx.inTransaction(() -> {
      keys.forEach(key -> store.release(scope, key));
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
