package dev.agentcredits.application.port.out;

/**
 * Thrown by an adapter when a dependency (the database, the broker, the payment gateway) cannot be
 * reached; callers answer {@code resource_unavailable} and may retry.
 */
public class ResourceUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ResourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
