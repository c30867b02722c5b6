package dev.agentcredits.domain.shared;

/** A non-negative amount of US dollars in cents. */
public record Money(long cents) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);

  public Money {
    if (cents < 0) {
      throw new IllegalArgumentException("money must not be negative: " + cents);
    }
  }

  public static Money cents(long cents) {
    return new Money(cents);
  }

  public static Money dollars(long dollars) {
    return new Money(Math.multiplyExact(dollars, 100));
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(cents, other.cents));
  }

  /** Subtracts, stopping at zero: a spend refund never takes a month below nothing. */
  public Money minusFloored(Money other) {
    return new Money(Math.max(0, cents - other.cents));
  }

  public boolean isGreaterThan(Money other) {
    return cents > other.cents;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(cents, other.cents);
  }

  @Override
  public String toString() {
    return "$%d.%02d".formatted(cents / 100, cents % 100);
  }
}
