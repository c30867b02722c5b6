package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.ProblemType;

/**
 * An answer ready to be written: status, body text (null for none), its content type, the error
 * code when it is a problem, and whether it repeats an answer kept under an idempotency key.
 */
record Reply(int status, String body, String contentType, ProblemType error, boolean replayed) {
  /** The header that marks an answer given again to a request already made under its key. */
  static final String REPLAYED = "Idempotent-Replayed";

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  static Reply json(int status, Object body) {
    return new Reply(status, Json.write(body), JSON, null, false);
  }

  static Reply problem(ProblemType code, String body) {
    return new Reply(code.status(), body, PROBLEM_JSON, code, false);
  }

  static Reply noContent() {
    return new Reply(204, null, null, null, false);
  }

  static Reply text(String body, String contentType) {
    return new Reply(200, body, contentType, null, false);
  }

  /** This answer, marked as given again for a request already made under its key. */
  Reply replayedIf(boolean replay) {
    return replay == replayed ? this : new Reply(status, body, contentType, error, replay);
  }
}
