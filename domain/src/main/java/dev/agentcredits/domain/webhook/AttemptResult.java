package dev.agentcredits.domain.webhook;

/** What one POST of a delivery came to: a 2xx answer, or anything else. */
public sealed interface AttemptResult {
  int MAX_ERROR_LENGTH = 500;

  record Delivered(int status) implements AttemptResult {}

  /** {@code status}: the endpoint's answer when it gave one, else null; {@code error}: why. */
  record Failed(Integer status, String error) implements AttemptResult {
    public Failed {
      error = error == null || error.isBlank() ? "failed" : error.strip();
      if (error.length() > MAX_ERROR_LENGTH) {
        error = error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
      }
    }
  }

  /** The endpoint answered {@code status}: delivered when it is 2xx. */
  static AttemptResult answered(int status) {
    return status >= 200 && status < 300
        ? new Delivered(status)
        : new Failed(status, "the endpoint answered HTTP " + status);
  }

  static AttemptResult failed(String error) {
    return new Failed(null, error);
  }
}
