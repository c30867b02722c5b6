package dev.agentcredits.application.service.idempotency;

import dev.agentcredits.application.port.in.Outcome;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A use case whose outcomes are kept under request keys: {@code name} scopes its keys, {@code
 * valueType} is its outcomes' value, and {@code kept} says which outcomes recorded something. After
 * any other outcome the key is given up, so that a corrected retry may use it.
 */
public record Operation<V>(String name, Class<V> valueType, Predicate<Outcome<V>> kept) {
  public Operation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(kept, "kept");
  }

  /** An operation that keeps every outcome, refusals included. */
  public static <V> Operation<V> keepingEvery(String name, Class<V> valueType) {
    return new Operation<>(name, valueType, outcome -> true);
  }
}
