package dev.agentcredits.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds; percentiles by the nearest-rank method on the sorted samples. */
final class Latencies {
  private long[] samples = new long[4096];
  private int size;

  void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.size; i++) {
      add(other.samples[i]);
    }
  }

  int count() {
    return size;
  }

  /** The {@code p}-th percentile (0 < p <= 100) in milliseconds; 0 without samples. */
  double percentileMillis(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
  }
}
