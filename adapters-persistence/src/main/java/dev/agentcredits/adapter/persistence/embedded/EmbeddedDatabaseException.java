package dev.agentcredits.adapter.persistence.embedded;

/**
 * The embedded server cannot start, or must not: its message says why and what to do; nothing in
 * the data directory was changed.
 */
public final class EmbeddedDatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EmbeddedDatabaseException(String message) {
    super(message);
  }

  EmbeddedDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
