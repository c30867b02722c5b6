package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.adapter.wire.ProblemType;

/** Stops handling a request with a problem; {@link Problems} turns it into the answer. */
final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  static ProblemException invalid(String detail) {
    return new ProblemException(Problem.invalid(detail));
  }

  static ProblemException of(ProblemType type, String detail) {
    return new ProblemException(Problem.of(type, detail));
  }

  Problem problem() {
    return problem;
  }
}
