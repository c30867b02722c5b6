package dev.agentcredits.adapter.rest;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One dependency readiness depends on, such as the store or the broker; {@code check} answers
 * whether it answers now, and should itself be quick.
 */
public record HealthCheck(String name, BooleanSupplier check) {
  public HealthCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
  }

  boolean passes() {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
