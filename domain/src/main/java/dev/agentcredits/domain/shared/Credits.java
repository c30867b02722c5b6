package dev.agentcredits.domain.shared;

/** A whole, non-negative number of credits. */
public record Credits(long value) implements Comparable<Credits> {
  public static final Credits ZERO = new Credits(0);

  public Credits {
    if (value < 0) {
      throw new IllegalArgumentException("credits must not be negative: " + value);
    }
  }

  public static Credits of(long value) {
    return new Credits(value);
  }

  public Credits plus(Credits other) {
    return new Credits(Math.addExact(value, other.value));
  }

  public Credits minus(Credits other) {
    return new Credits(Math.subtractExact(value, other.value));
  }

  public Credits min(Credits other) {
    return value <= other.value ? this : other;
  }

  public boolean isZero() {
    return value == 0;
  }

  public boolean isPositive() {
    return value > 0;
  }

  public boolean isLessThan(Credits other) {
    return value < other.value;
  }

  @Override
  public int compareTo(Credits other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value + " credits";
  }
}
