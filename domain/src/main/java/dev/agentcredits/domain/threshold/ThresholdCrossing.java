package dev.agentcredits.domain.threshold;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which thresholds a change announces (DOMAIN.md rule 25), each once per period. Usage going down
 * (a refund, a declined payment) forgets nothing, so reaching a threshold again announces nothing.
 * A changed limit is measured afresh: thresholds it newly reaches are announced, and those it no
 * longer reaches are forgotten, to be announced when crossed against the new limit.
 */
public final class ThresholdCrossing {
  private ThresholdCrossing() {}

  /** What is announced now ({@code newlyReached}, lowest first) and what is known as announced. */
  public record Crossing(Announced announced, List<Integer> newlyReached) {}

  /** After {@code used} changed under the same {@code limit}. */
  public static Crossing afterUse(
      Announced before, long used, long limit, Thresholds thresholds, Instant at) {
    SortedSet<Integer> reached = thresholds.reached(used, limit);
    SortedSet<Integer> known = new TreeSet<>(before.percents());
    known.addAll(reached);
    return crossing(before, reached, known, at);
  }

  /**
   * After the limit changed from {@code previousLimit} to {@code limit}, {@code used} unchanged.
   */
  public static Crossing afterLimitChange(
      Announced before,
      long used,
      long previousLimit,
      long limit,
      Thresholds thresholds,
      Instant at) {
    if (previousLimit == limit) {
      return afterUse(before, used, limit, thresholds, at);
    }
    SortedSet<Integer> reached = thresholds.reached(used, limit);
    return crossing(before, reached, reached, at);
  }

  private static Crossing crossing(
      Announced before, SortedSet<Integer> reached, SortedSet<Integer> known, Instant at) {
    List<Integer> newly = reached.stream().filter(p -> !before.percents().contains(p)).toList();
    Instant lastAt = newly.isEmpty() ? before.lastAt() : at;
    Announced after = known.isEmpty() ? Announced.NONE : new Announced(known, lastAt);
    return new Crossing(after, newly);
  }
}
