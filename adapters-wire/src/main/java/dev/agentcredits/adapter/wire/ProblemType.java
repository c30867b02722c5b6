package dev.agentcredits.adapter.wire;

import java.util.Locale;

/** DOMAIN.md "Errors": every problem an answer can be, with its HTTP status and title. */
public enum ProblemType {
  INVALID_REQUEST(400, false, "The request is malformed or misses a parameter."),
  AUTHENTICATION_REQUIRED(401, false, "A valid API key is required."),
  NOT_AUTHORIZED(403, false, "The caller may not do this."),
  INSUFFICIENT_CREDITS(
      403,
      false,
      "The principal billed for this run has no remaining credits. Purchase add-on credits or raise"
          + " the team-wide spend cap to continue."),
  BUDGET_EXCEEDED(
      403,
      false,
      "The purchase would exceed the team's monthly spend cap, or the run the member's monthly"
          + " credit limit."),
  FEATURE_NOT_AVAILABLE(403, false, "The team's plan does not allow this."),
  PAYMENT_FAILED(402, false, "The payment was declined."),
  RESOURCE_NOT_FOUND(404, false, "The resource does not exist."),
  CONFLICT(409, true, "The request conflicts with another one under the same idempotency key."),
  REQUEST_TOO_LARGE(413, false, "The request body is too large."),
  RATE_LIMITED(429, true, "Too many requests."),
  INTERNAL_ERROR(500, true, "Something went wrong on our side."),
  RESOURCE_UNAVAILABLE(503, true, "A service we depend on is unavailable.");

  private static final String TYPE_PREFIX = "/reference/api-and-sdk/troubleshooting/errors/";

  private final int status;
  private final boolean retryable;
  private final String title;

  ProblemType(int status, boolean retryable, String title) {
    this.status = status;
    this.retryable = retryable;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public boolean retryable() {
    return retryable;
  }

  public String title() {
    return title;
  }

  /** The snake_case code clients switch on. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The RFC 9457 {@code type}: the page that explains the problem. */
  public String uri() {
    return TYPE_PREFIX + code().replace('_', '-') + "/";
  }
}
