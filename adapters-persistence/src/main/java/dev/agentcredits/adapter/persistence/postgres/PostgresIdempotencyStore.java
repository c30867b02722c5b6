package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.IdempotencyStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Request keys in {@code idempotency}, each with the outcome it was answered ({@link
 * StoredOutcomes}). A claim is one {@code INSERT ... ON CONFLICT}: it takes a free key, or takes
 * over an abandoned claim with a conditional update; otherwise the record that holds the key is
 * read. A key's creation time is its claim time (a take-over starts it afresh).
 */
public final class PostgresIdempotencyStore implements IdempotencyStore {
  private static final int MAX_CLAIM_ATTEMPTS = 3;

  private final JdbiTransactionRunner db;

  PostgresIdempotencyStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public Optional<IdempotencyRecord> claim(
      String scope, String key, String fingerprint, Instant now, Class<?> valueType) {
    Instant abandonedBy = now.minus(ABANDONED_AFTER);
    return db.withDao(
        IdempotencyDao.class,
        dao -> {
          for (int attempt = 1; ; attempt++) {
            if (dao.claim(scope, key, fingerprint, now, abandonedBy).isPresent()) {
              return Optional.empty();
            }
            Optional<IdempotencyRow> holder = dao.find(scope, key);
            if (holder.isPresent()) {
              return holder.map(row -> record(row, valueType));
            }
            // Released or purged between the two statements: claim again, a few times.
            if (attempt == MAX_CLAIM_ATTEMPTS) {
              throw new DatabaseFailures.TransientFailure(
                  "idempotency key " + key + " kept changing hands", false, null);
            }
          }
        });
  }

  @Override
  public void complete(String scope, String key, Object outcome) {
    String json = StoredOutcomes.write(outcome);
    db.withDao(IdempotencyDao.class, dao -> dao.complete(scope, key, json));
  }

  @Override
  public void release(String scope, String key) {
    db.withDao(IdempotencyDao.class, dao -> dao.release(scope, key));
  }

  @Override
  public int purgeCreatedBefore(Instant cutoff) {
    return db.withDao(IdempotencyDao.class, dao -> dao.purgeClaimedBefore(cutoff));
  }

  private static IdempotencyRecord record(IdempotencyRow row, Class<?> valueType) {
    return new IdempotencyRecord(
        row.fingerprint(),
        row.claimedAt(),
        row.outcome() == null ? null : StoredOutcomes.read(row.outcome(), valueType));
  }
}
