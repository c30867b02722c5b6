package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RunView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bodies REST answers and message replies repeat (API.md: a reply is "the body the matching
 * REST call would answer"), built in one place as plain maps so the two adapters cannot drift.
 */
public final class ResponseBodies {
  private static final String TYPE_PREFIX = "/reference/api-and-sdk/troubleshooting/errors/";

  private ResponseBodies() {}

  public static Map<String, Object> run(RunView run) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task_id", run.taskId());
    body.put("state", run.state());
    body.put("trigger", run.trigger());
    Map<String, Object> pool = new LinkedHashMap<>();
    pool.put("kind", run.billedPool().kind());
    pool.put("team_id", run.billedPool().teamId());
    if (run.billedPool().memberId() != null) {
      pool.put("member_id", run.billedPool().memberId());
    }
    body.put("billed_pool", pool);
    body.put("held_credits", run.heldCredits());
    body.put("charged_credits", run.chargedCredits());
    if (run.errorCode() != null) {
      body.put("error", Map.of("code", run.errorCode()));
    }
    return body;
  }

  /**
   * RFC 9457 problem details as DOMAIN.md lists them; extension members follow and never replace a
   * standard member, so no key appears twice.
   */
  public static Map<String, Object> problem(Refusal refusal, String instance, String traceId) {
    ErrorCode code = refusal.code();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_PREFIX + code.code().replace('_', '-') + "/");
    body.put("title", code.title());
    body.put("status", code.status());
    if (refusal.detail() != null) {
      body.put("detail", refusal.detail());
    }
    body.put("instance", instance);
    body.put(
        "error",
        refusal.detail() == null ? code.title() : code.title() + " (" + refusal.detail() + ")");
    body.put("retryable", code.retryable());
    body.put("trace_id", traceId);
    body.put("code", code.code());
    refusal.extensions().forEach(body::putIfAbsent);
    return body;
  }

  /**
   * The problem for a failure that is not a refusal: an internal error or an unavailable
   * dependency.
   */
  public static Refusal failure(ErrorCode code) {
    String detail =
        switch (code) {
          case RESOURCE_UNAVAILABLE -> "a dependency is unavailable; retry shortly";
          default -> "an unexpected error occurred; retry, and report the trace_id if it persists";
        };
    return Refusal.of(code, detail);
  }
}
