package dev.agentcredits.application.port.out;

/**
 * Thrown by a store when a write collides with a row that a unique key already names (for example a
 * request key another instance has just used); the use case decides what the collision means.
 */
public class DuplicateKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DuplicateKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
