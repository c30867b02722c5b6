package dev.agentcredits.domain.threshold;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Percentages of a limit that are each announced once when reached (DOMAIN.md rule 25): the spend
 * cap's 50, 80 and 100 %; a member limit's 80 and 100 % follow the same rule.
 */
public record Thresholds(List<Integer> percents) {
  /** The spend cap's default thresholds. */
  public static final Thresholds SPEND_CAP = of(50, 80, 100);

  public Thresholds {
    percents = percents.stream().sorted().distinct().toList();
    if (percents.isEmpty() || percents.getFirst() < 1) {
      throw new IllegalArgumentException("thresholds are whole percentages from 1: " + percents);
    }
  }

  public static Thresholds of(Integer... percents) {
    return new Thresholds(List.of(percents));
  }

  /**
   * The thresholds {@code used} has reached of {@code limit}. Nothing used reaches nothing, even
   * against a limit of zero; anything used reaches every threshold of a zero limit.
   */
  public SortedSet<Integer> reached(long used, long limit) {
    SortedSet<Integer> reached = new TreeSet<>();
    if (used <= 0) {
      return reached;
    }
    for (int percent : percents) {
      if (Math.multiplyExact(used, 100L) >= Math.multiplyExact(limit, (long) percent)) {
        reached.add(percent);
      }
    }
    return reached;
  }
}
