package dev.agentcredits.bootstrap;

/** A setting that cannot be used; the service says which and exits with status 2. */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }
}
