package dev.agentcredits.adapter.rest;

import dev.agentcredits.application.port.in.ErrorCode;
import dev.agentcredits.application.port.in.Refusal;

/** Stops handling a request with a refusal; {@link Problems} turns it into the answer. */
final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Refusal refusal;

  ProblemException(Refusal refusal) {
    super(refusal.detail(), null, false, false);
    this.refusal = refusal;
  }

  static ProblemException invalid(String detail) {
    return new ProblemException(Refusal.invalid(detail));
  }

  static ProblemException of(ErrorCode code, String detail) {
    return new ProblemException(Refusal.of(code, detail));
  }

  Refusal refusal() {
    return refusal;
  }
}
