package dev.agentcredits.application.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request answered with an error: the code, a sentence for the human, and extension members
 * (plain values only) for the machine.
 */
public record Refusal(ErrorCode code, String detail, Map<String, Object> extensions) {
  public Refusal {
    Objects.requireNonNull(code, "code");
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  public static Refusal of(ErrorCode code, String detail) {
    return new Refusal(code, detail, Map.of());
  }

  public static Refusal invalid(String detail) {
    return of(ErrorCode.INVALID_REQUEST, detail);
  }

  public static Refusal notFound(String what) {
    return of(ErrorCode.RESOURCE_NOT_FOUND, what + " was not found");
  }

  public static Refusal notAuthorized(String detail) {
    return of(ErrorCode.NOT_AUTHORIZED, detail);
  }
}
