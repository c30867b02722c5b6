package dev.agentcredits.application.service;

import dev.agentcredits.application.port.in.Refusal;

/**
 * Carries a refusal out of a check deep in a use case to its boundary, where {@link Guard} turns it
 * back into an outcome. It never leaves the application; thrown inside a transaction, it rolls
 * back, so a refused request changes nothing.
 */
final class RefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Refusal refusal;

  RefusedException(Refusal refusal) {
    super(refusal.code().code() + ": " + refusal.detail(), null, false, false);
    this.refusal = refusal;
  }

  Refusal refusal() {
    return refusal;
  }
}
