package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.adapter.persistence.postgres.DatabaseFailures.TransientFailure;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.util.HashMap;
import java.util.Map;
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
  private final ThreadLocal<Transaction> current = new ThreadLocal<>();

  /**
   * The running transaction's handle and the DAOs attached to it. Attaching a SqlObject DAO builds
   * a handler for each of its methods (measured: a DAO of ten methods costs about what a round trip
   * to a local database does), so a transaction attaches each DAO once.
   */
  private record Transaction(Handle handle, Map<Class<?>, Object> daos) {
    <D> D dao(Class<D> type) {
      return type.cast(daos.computeIfAbsent(type, handle::attach));
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
              current.set(new Transaction(handle, new HashMap<>()));
              try {
                T result = work.get();
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
    Transaction transaction = current.get();
    if (transaction == null) {
      return inTransaction(() -> withHandle(call));
    }
    return DatabaseFailures.translated(() -> call.apply(transaction.handle()));
  }

  /**
   * Runs a call on a DAO attached to the current transaction's handle, or in a transaction of its
   * own.
   */
  <D, T> T withDao(Class<D> dao, Function<D, T> call) {
    Transaction transaction = current.get();
    if (transaction == null) {
      return inTransaction(() -> withDao(dao, call));
    }
    return DatabaseFailures.translated(() -> call.apply(transaction.dao(dao)));
  }

  /**
   * Runs a DAO call that is one statement: inside a transaction as {@link #withDao}; outside any,
   * in autocommit mode, which is a transaction of its own in PostgreSQL, without the BEGIN and
   * COMMIT round trips. Those per-request look-ups (the key of every request, the team of a submit)
   * are the calls this is for; each attaches its DAO anew, so theirs are small ones. A transient
   * failure is retried like a transaction's: the statement changed nothing.
   */
  <D, T> T read(Class<D> dao, Function<D, T> call) {
    if (current.get() != null) {
      return withDao(dao, call);
    }
    for (int retry = 0; ; retry++) {
      try {
        return DatabaseFailures.translated(() -> jdbi.withExtension(dao, call::apply));
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
