package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.IdempotencyStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Request keys in {@code idempotency}. A claim is one {@code INSERT ... ON CONFLICT}: it takes a
 * free key, or takes over an abandoned claim with a conditional update; otherwise the record that
 * holds the key is read. A key's creation time is its claim time (a take-over starts it afresh).
 */
public final class PostgresIdempotencyStore implements IdempotencyStore {
  private static final int MAX_CLAIM_ATTEMPTS = 3;

  private final JdbiTransactionRunner db;

  PostgresIdempotencyStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public Optional<IdempotencyRecord> claim(
      String scope, String key, String fingerprint, Instant now) {
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
              return holder.map(IdempotencyRow::toRecord);
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
  public void complete(String scope, String key, int status, String body) {
    db.withDao(IdempotencyDao.class, dao -> dao.complete(scope, key, status, body));
  }

  @Override
  public void release(String scope, String key) {
    db.withDao(IdempotencyDao.class, dao -> dao.release(scope, key));
  }

  @Override
  public int purgeCreatedBefore(Instant cutoff) {
    return db.withDao(IdempotencyDao.class, dao -> dao.purgeClaimedBefore(cutoff));
  }
}
