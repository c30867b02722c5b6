package dev.agentcredits.adapter.wire;

import dev.agentcredits.application.port.in.Refusal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An answer that is an error: its type, a sentence for the human ({@code detail}, may be null) and
 * extension members (plain values only) for the machine.
 */
public record Problem(ProblemType type, String detail, Map<String, Object> extensions) {
  public Problem {
    Objects.requireNonNull(type, "type");
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type, detail, Map.of());
  }

  public static Problem invalid(String detail) {
    return of(ProblemType.INVALID_REQUEST, detail);
  }

  /** The one mapping from the application's refusals to problems. */
  public static Problem of(Refusal refusal) {
    return switch (refusal) {
      case Refusal.InvalidRequest r -> of(ProblemType.INVALID_REQUEST, r.detail());
      case Refusal.NotAuthorized r -> of(ProblemType.NOT_AUTHORIZED, r.detail());
      case Refusal.NotFound r -> of(ProblemType.RESOURCE_NOT_FOUND, r.what() + " was not found");
      case Refusal.FeatureNotAvailable r -> of(ProblemType.FEATURE_NOT_AVAILABLE, r.detail());
      case Refusal.InsufficientCredits r -> InsufficientCreditsProblem.of(r.why(), r.run());
      case Refusal.BudgetExceeded r ->
          new Problem(
              ProblemType.BUDGET_EXCEEDED,
              r.detail(),
              Bodies.ordered(
                  "monthly_limit_cents", r.monthlyLimit().cents(),
                  "month_to_date_spend_cents", r.monthToDateSpend().cents(),
                  "price_cents", r.price().cents()));
      case Refusal.MemberLimitReached r -> MemberLimitProblem.of(r);
      case Refusal.PaymentFailed r -> of(ProblemType.PAYMENT_FAILED, r.detail());
      case Refusal.Conflict r -> of(ProblemType.CONFLICT, r.detail());
      case Refusal.InFlight r -> of(ProblemType.CONFLICT, r.detail());
    };
  }

  /** A failure that is not a refusal: an internal error or an unavailable dependency. */
  public static Problem failure(ProblemType type) {
    String detail =
        switch (type) {
          case RESOURCE_UNAVAILABLE -> "a dependency is unavailable; retry shortly";
          default -> "an unexpected error occurred; retry, and report the trace_id if it persists";
        };
    return of(type, detail);
  }

  /**
   * RFC 9457 problem details as DOMAIN.md lists them; extension members follow and never replace a
   * standard member, so no key appears twice.
   */
  public Map<String, Object> body(String instance, String traceId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri());
    body.put("title", type.title());
    body.put("status", type.status());
    if (detail != null) {
      body.put("detail", detail);
    }
    body.put("instance", instance);
    body.put("error", detail == null ? type.title() : type.title() + " (" + detail + ")");
    body.put("retryable", type.retryable());
    body.put("trace_id", traceId);
    body.put("code", type.code());
    extensions.forEach(body::putIfAbsent);
    return body;
  }
}
