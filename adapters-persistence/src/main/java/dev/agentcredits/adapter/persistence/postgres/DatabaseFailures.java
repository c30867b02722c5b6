package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.DuplicateKeyException;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place where database errors become what the application understands: transient conflicts
 * and broken connections (worth running the transaction again), an unreachable database ({@link
 * ResourceUnavailableException}, answered 503), a request key used twice ({@link
 * DuplicateKeyException}, which the use case resolves), and everything else, a bug ({@link
 * IllegalStateException}). Exceptions that did not come from the database pass through unchanged.
 */
final class DatabaseFailures {
  private static final String UNIQUE_VIOLATION = "23505";

  /** The unique indexes of request keys (V1__billing_schema.sql): a collision is a race, no bug. */
  private static final Set<String> REQUEST_KEY_INDEXES =
      Set.of("runs_team_request_key", "purchases_team_request_key");

  private DatabaseFailures() {}

  /** A failure after which running the whole transaction again may succeed. */
  static final class TransientFailure extends ResourceUnavailableException {
    private static final long serialVersionUID = 1L;
    private final boolean connectionLost;

    TransientFailure(String message, boolean connectionLost, Throwable cause) {
      super(message, cause);
      this.connectionLost = connectionLost;
    }

    /** The connection broke: if it broke while committing, nobody knows whether it committed. */
    boolean connectionLost() {
      return connectionLost;
    }
  }

  /** Runs a database call, translating what it throws. */
  static <T> T translated(Supplier<T> call) {
    try {
      return call.get();
    } catch (JdbiException e) {
      throw translate(e);
    }
  }

  static RuntimeException translate(RuntimeException failure) {
    if (!(failure instanceof JdbiException)) {
      return failure;
    }
    SQLException sql = sqlCause(failure);
    if (failure instanceof ConnectionException) {
      // The pool already waited its connection timeout: trying again would only wait again.
      return new ResourceUnavailableException(
          "the database cannot be reached", sql != null ? sql : failure);
    }
    return translate(sql, failure);
  }

  /** The same translation for plain JDBC, used where JDBI is not (yet) involved. */
  static RuntimeException translate(SQLException failure) {
    return translate(failure, failure);
  }

  private static RuntimeException translate(SQLException sql, Throwable failure) {
    String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    Throwable cause = sql != null ? sql : failure;
    if (state.equals("40001") || state.equals("40P01")) {
      return new TransientFailure(
          "concurrent transactions conflicted (" + state + ")", false, cause);
    }
    if (state.startsWith("08")
        || state.equals("57P01")
        || state.equals("57P02")
        || state.equals("57P03")
        || sql instanceof SQLTransientConnectionException
        || sql instanceof SQLNonTransientConnectionException) {
      return new TransientFailure("the database connection was lost (" + state + ")", true, cause);
    }
    if (state.startsWith("53") || state.equals("55P03") || state.equals("57014")) {
      return new ResourceUnavailableException(
          "the database is overloaded or timed out (" + state + ")", cause);
    }
    if (state.equals(UNIQUE_VIOLATION) && REQUEST_KEY_INDEXES.contains(constraint(sql))) {
      return new DuplicateKeyException(
          "the request key is already taken (" + constraint(sql) + ")", cause);
    }
    if (state.startsWith("23")) {
      return new IllegalStateException(
          "a database constraint refused the change (" + state + "): " + message(sql), cause);
    }
    return new IllegalStateException(
        "the database failed ("
            + (state.isEmpty() ? "no SQLState" : state)
            + "): "
            + message(sql != null ? sql : failure),
        cause);
  }

  private static SQLException sqlCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  /** The constraint (or unique index) PostgreSQL names in the error, if any. */
  private static String constraint(SQLException sql) {
    ServerErrorMessage server =
        sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    return server == null || server.getConstraint() == null ? "" : server.getConstraint();
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
