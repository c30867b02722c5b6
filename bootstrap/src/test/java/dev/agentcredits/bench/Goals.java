package dev.agentcredits.bench;

import java.util.List;
import java.util.Optional;

/**
 * The goals of issue 14 (bench/run defaults, this machine, ratios to B from the same run), judged
 * on a run's figures: met, not met, or not judged when no B was measured. A workload whose checks
 * failed has no figures, so its goal is not met.
 */
final class Goals {
  static final double MAX_RSS_MB = 512;
  static final long MAX_START_TO_READY_MS = 3_000;

  /** A rate of at least {@code minRatio} x B and, where set, a p99 of at most {@code maxP99}. */
  record Goal(String workload, double minRatio, double maxP99Millis, String unit) {
    String text() {
      return ">= %s x B %s%s"
          .formatted(
              minRatio % 1 == 0 ? "%.0f".formatted(minRatio) : Double.toString(minRatio),
              unit,
              Double.isNaN(maxP99Millis) ? "" : ", p99 <= %.0f ms".formatted(maxP99Millis));
    }

    /** TRUE met, FALSE not met, null when it cannot be judged (no B). */
    Boolean met(Load.Result w, boolean valid, Ceiling.Result ceiling) {
      if (!valid) {
        return false;
      }
      if (ceiling == null) {
        return null;
      }
      boolean fast = w.rate() >= minRatio * ceiling.tps();
      return fast
          && (Double.isNaN(maxP99Millis) || w.latencies().percentileMillis(99) <= maxP99Millis);
    }
  }

  private static final List<Goal> ALL =
      List.of(
          new Goal("hot", 2, 25, "accepted/s"),
          new Goal("hot-keyed", 1.5, 25, "accepted/s"),
          new Goal("spread", 1.5, 25, "accepted/s"),
          new Goal("mixed", 1, Double.NaN, "operations/s"),
          new Goal("usage-batch", 5, Double.NaN, "events/s"));

  private Goals() {}

  /** The workload's goal; usage-single has none in the issue. */
  static Optional<Goal> of(String workload) {
    return ALL.stream().filter(g -> g.workload().equals(workload)).findFirst();
  }

  /** What the workload's rate counts: accepted submits, 2xx calls, or events answered 200. */
  static String unit(String workload) {
    return of(workload).map(Goal::unit).orElse("usage calls/s");
  }

  static boolean rssMet(Service.Memory memory) {
    return memory.peakRssBytes() / 1048576.0 <= MAX_RSS_MB;
  }

  static boolean startMet(long startToReadyMillis) {
    return startToReadyMillis <= MAX_START_TO_READY_MS;
  }

  static String verdict(Boolean met) {
    return met == null ? "not judged (no B)" : met ? "met" : "not met";
  }
}
