package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** One column of many rows as an array, the way {@code unnest} takes it. */
final class ColumnArrays {
  private ColumnArrays() {}

  static <R> String[] texts(List<R> rows, Function<R, String> column) {
    return rows.stream().map(column).toArray(String[]::new);
  }

  static <R> Long[] numbers(List<R> rows, Function<R, Long> column) {
    return rows.stream().map(column).toArray(Long[]::new);
  }

  static <R> Boolean[] flags(List<R> rows, Function<R, Boolean> column) {
    return rows.stream().map(column).toArray(Boolean[]::new);
  }

  static <R> Instant[] instants(List<R> rows, Function<R, Instant> column) {
    return rows.stream().map(column).toArray(Instant[]::new);
  }
}
