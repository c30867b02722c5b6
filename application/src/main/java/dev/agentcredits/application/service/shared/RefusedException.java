package dev.agentcredits.application.service.shared;

import dev.agentcredits.application.port.in.Refusal;

/**
 * Carries a refusal out of a check deep in a use case to its boundary, where {@link Guard} turns it
 * back into an outcome. It never leaves the application; thrown inside a transaction, it rolls
 * back, so a refused request changes nothing.
 */
public final class RefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Refusal refusal;

  public RefusedException(Refusal refusal) {
    super(refusal.toString(), null, false, false);
    this.refusal = refusal;
  }

  public Refusal refusal() {
    return refusal;
  }
}
