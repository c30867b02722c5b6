package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.adapter.persistence.postgres.DatabaseFailures.TransientFailure;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One use case, one database transaction at READ COMMITTED (the pool's default isolation). The
 * transaction's handle is bound to the running thread, so every store call made inside the work
 * joins it, and so does a nested {@code inTransaction}; a store call made outside any transaction
 * runs in a short one of its own. Deadlocks, serialization failures and broken connections run the
 * whole work again, a few times, after a short random pause; any other exception, the application's
 * refusals included, rolls back and propagates unchanged.
 */
public final class JdbiTransactionRunner implements TransactionRunner {
  static final int MAX_RETRIES = 3;

  private final Jdbi jdbi;
  private final ThreadLocal<Bound> current = new ThreadLocal<>();

  /**
   * The running transaction's handle, the DAOs attached to it (attaching a SqlObject DAO builds a
   * handler for each of its methods, so once per transaction, not per call), the writes it holds
   * back ({@link DeferredWrites}) and the rows it has locked.
   */
  private record Bound(
      Handle handle, Map<Class<?>, Object> daos, DeferredWrites deferred, Set<String> locked) {
    Bound(Handle handle) {
      this(handle, new HashMap<>(), new DeferredWrites(), new HashSet<>());
    }

    <D> D dao(Class<D> type) {
      return type.cast(daos.computeIfAbsent(type, handle::attach));
    }

    /** Every statement sees the writes made before it: held-back writes go first. */
    Handle flushed() {
      deferred.flush(handle);
      return handle;
    }
  }

  JdbiTransactionRunner(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    for (int retry = 0; ; retry++) {
      boolean[] committing = {false};
      try {
        return DatabaseFailures.translated(() ->
            jdbi.inTransaction(handle -> {
              Bound bound = new Bound(handle);
              current.set(bound);
              try {
                T result = work.get();
                bound.flushed();
                committing[0] = true;
                return result;
              } finally {
                current.remove();
              }
            }));
      } catch (TransientFailure failure) {
        // A connection lost during COMMIT may have committed: running the work again could apply
        // it twice, so the caller hears 503 instead.
        boolean ambiguous = committing[0] && failure.connectionLost();
        if (retry >= MAX_RETRIES || ambiguous) {
          throw failure;
        }
        pause(retry);
      }
    }
  }

  /** Runs a store call on the current transaction's handle, or in a transaction of its own. */
  <T> T withHandle(Function<Handle, T> call) {
    Bound bound = current.get();
    if (bound == null) {
      return inTransaction(() -> withHandle(call));
    }
    return DatabaseFailures.translated(() -> call.apply(bound.flushed()));
  }

  /** Runs a call on a DAO attached to the current transaction's handle. */
  <D, T> T withDao(Class<D> dao, Function<D, T> call) {
    Bound bound = current.get();
    if (bound == null) {
      return inTransaction(() -> withDao(dao, call));
    }
    return DatabaseFailures.translated(() -> {
      bound.flushed();
      return call.apply(bound.dao(dao));
    });
  }

  /**
   * A write whose result nobody reads: inside a transaction it is held back and sent with the
   * transaction's next statement or before its commit; outside any, it runs at once in one of its
   * own. {@code params} names must not be used by another kind of deferred write.
   */
  void defer(String sql, Map<String, Object> params) {
    Bound bound = current.get();
    if (bound == null) {
      withHandle(handle -> handle.createUpdate(sql).bindMap(params).execute());
      return;
    }
    bound.deferred().add(new DeferredWrites.Write(sql, params));
  }

  /** Notes that the current transaction holds the lock on {@code key} (e.g. a pool's row). */
  void lockedHere(String key) {
    Bound bound = current.get();
    if (bound != null) {
      bound.locked().add(key);
    }
  }

  boolean isLockedHere(String key) {
    Bound bound = current.get();
    return bound != null && bound.locked().contains(key);
  }

  /**
   * Runs a call that is one SELECT statement: inside a transaction on its handle, as {@link
   * #withHandle}; outside any, as a single statement in autocommit mode, which is a transaction of
   * its own in PostgreSQL, without the BEGIN and COMMIT round trips. Those per-request look-ups
   * (the key of every request, the team of a submit) are the calls this is for. A transient failure
   * is retried like a transaction's: the statement changed nothing.
   */
  <T> T read(Function<Handle, T> call) {
    if (current.get() != null) {
      return withHandle(call);
    }
    for (int retry = 0; ; retry++) {
      try {
        return DatabaseFailures.translated(() -> jdbi.withHandle(call::apply));
      } catch (TransientFailure failure) {
        if (retry >= MAX_RETRIES) {
          throw failure;
        }
        pause(retry);
      }
    }
  }

  private static void pause(int retry) {
    long millis = ThreadLocalRandom.current().nextLong(5, 20) << retry;
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a transaction", e);
    }
  }
}
