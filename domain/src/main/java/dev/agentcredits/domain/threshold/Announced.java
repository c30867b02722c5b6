package dev.agentcredits.domain.threshold;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The thresholds already announced in a period, and when the latest announcement was made (absent
 * until the first).
 */
public record Announced(SortedSet<Integer> percents, Instant lastAt) {
  public static final Announced NONE = new Announced(new TreeSet<>(), null);

  public Announced {
    Objects.requireNonNull(percents, "percents");
    percents = Collections.unmodifiableSortedSet(new TreeSet<>(percents));
    if (percents.isEmpty() != (lastAt == null)) {
      throw new IllegalArgumentException("an announcement has a time, and only an announcement");
    }
  }

  /** The highest threshold announced, or 0 when none was. */
  public int highest() {
    return percents.isEmpty() ? 0 : percents.last();
  }
}
