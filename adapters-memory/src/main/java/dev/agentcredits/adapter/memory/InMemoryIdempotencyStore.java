package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.IdempotencyStore;
import java.time.Instant;
import java.util.Optional;

/** Keeps outcomes as they are: they are immutable records. */
final class InMemoryIdempotencyStore implements IdempotencyStore {
  private record Stored(IdempotencyRecord record, Instant createdAt) {}

  private final MemoryDatabase db;
  private final Table<String, Stored> keys;

  InMemoryIdempotencyStore(MemoryDatabase db) {
    this.db = db;
    this.keys = new Table<>(db);
  }

  @Override
  public Optional<IdempotencyRecord> claim(
      String scope, String key, String fingerprint, Instant now, Class<?> valueType) {
    return db.call(() -> {
      Optional<Stored> existing = keys.get(id(scope, key));
      boolean abandoned =
          existing.isPresent()
              && !existing.get().record().isComplete()
              && !existing.get().record().claimedAt().plus(ABANDONED_AFTER).isAfter(now);
      if (existing.isPresent() && !abandoned) {
        return Optional.of(existing.get().record());
      }
      keys.put(id(scope, key), new Stored(new IdempotencyRecord(fingerprint, now, null), now));
      return Optional.empty();
    });
  }

  @Override
  public void complete(String scope, String key, Object outcome) {
    db.run(() ->
        keys.get(id(scope, key))
            .ifPresent(s ->
                keys.put(
                    id(scope, key),
                    new Stored(
                        new IdempotencyRecord(
                            s.record().fingerprint(), s.record().claimedAt(), outcome),
                        s.createdAt()))));
  }

  @Override
  public void release(String scope, String key) {
    db.run(() ->
        keys.get(id(scope, key))
            .filter(s -> !s.record().isComplete())
            .ifPresent(s -> keys.remove(id(scope, key))));
  }

  @Override
  public int purgeCreatedBefore(Instant cutoff) {
    return db.call(() -> {
      int purged = 0;
      for (var entry : keys.entries()) {
        if (entry.getValue().createdAt().isBefore(cutoff)) {
          keys.remove(entry.getKey());
          purged++;
        }
      }
      return purged;
    });
  }

  private static String id(String scope, String key) {
    return scope + "\u0000" + key;
  }
}
