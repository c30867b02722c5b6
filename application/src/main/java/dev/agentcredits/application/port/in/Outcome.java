package dev.agentcredits.application.port.in;

import java.util.function.Function;

/**
 * What a use case answers: its value, or a refusal the caller can act on. {@code replayed} marks
 * the answer to a request already made under the same idempotency key (DOMAIN.md rule 18): the
 * earlier request's effect, not a new one.
 */
public sealed interface Outcome<T> {
  boolean replayed();

  record Ok<T>(T value, boolean replayed) implements Outcome<T> {
    public Ok(T value) {
      this(value, false);
    }
  }

  record Refused<T>(Refusal refusal, boolean replayed) implements Outcome<T> {
    public Refused(Refusal refusal) {
      this(refusal, false);
    }
  }

  static <T> Outcome<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Outcome<T> refused(Refusal refusal) {
    return new Refused<>(refusal);
  }

  /** This answer, as given again to a request already made under its key. */
  default Outcome<T> asReplay() {
    return switch (this) {
      case Ok<T> ok -> new Ok<>(ok.value(), true);
      case Refused<T> refused -> new Refused<>(refused.refusal(), true);
    };
  }

  default <U> Outcome<U> map(Function<T, U> mapper) {
    return switch (this) {
      case Ok<T> ok -> new Ok<>(mapper.apply(ok.value()), ok.replayed());
      case Refused<T> refused -> new Refused<>(refused.refusal(), refused.replayed());
    };
  }
}
