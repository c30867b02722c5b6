package dev.agentcredits.application.port.in;

import java.util.function.Function;

/** What a use case answers: its value, or a refusal the caller can act on. */
public sealed interface Outcome<T> {
  record Ok<T>(T value) implements Outcome<T> {}

  record Refused<T>(Refusal refusal) implements Outcome<T> {}

  static <T> Outcome<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Outcome<T> refused(Refusal refusal) {
    return new Refused<>(refusal);
  }

  default <U> Outcome<U> map(Function<T, U> mapper) {
    return switch (this) {
      case Ok<T> ok -> new Ok<>(mapper.apply(ok.value()));
      case Refused<T> refused -> new Refused<>(refused.refusal());
    };
  }
}
