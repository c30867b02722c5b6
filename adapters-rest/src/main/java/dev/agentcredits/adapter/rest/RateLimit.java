package dev.agentcredits.adapter.rest;

/**
 * How many requests one API key may make: {@code perSecond} on average, {@code burst} at once. Zero
 * for {@code perSecond} means no limit. Each service instance counts on its own, so N instances let
 * a key make up to N times as many requests.
 */
public record RateLimit(long perSecond, long burst) {
  public static final RateLimit DEFAULT = new RateLimit(1_000, 2_000);
  public static final RateLimit NONE = new RateLimit(0, 0);

  public RateLimit {
    if (perSecond < 0 || perSecond > 1_000_000_000L) {
      throw new IllegalArgumentException("perSecond must be from 0 to 1,000,000,000");
    }
    if (perSecond > 0 && (burst < 1 || burst > 1_000_000_000L)) {
      throw new IllegalArgumentException("burst must be from 1 to 1,000,000,000");
    }
  }

  boolean limits() {
    return perSecond > 0;
  }
}
