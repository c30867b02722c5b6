package dev.agentcredits.adapter.rest;

import java.util.Objects;

/**
 * How failed authentications are throttled per client address: {@code failures} is the budget
 * ({@code burst} failures at once, refilled at {@code perSecond}; {@link RateLimit#NONE}: no
 * throttle). The client address is the connection's remote address; only with {@code
 * trustForwardedFor} (the service is behind a proxy that sets it) the last address of {@code
 * X-Forwarded-For} instead.
 */
public record AuthThrottle(RateLimit failures, boolean trustForwardedFor) {
  public static final long DEFAULT_PER_SECOND = 2;
  public static final long DEFAULT_BURST = 20;
  public static final AuthThrottle DEFAULT =
      new AuthThrottle(new RateLimit(DEFAULT_PER_SECOND, DEFAULT_BURST), false);
  public static final AuthThrottle NONE = new AuthThrottle(RateLimit.NONE, false);

  public AuthThrottle {
    Objects.requireNonNull(failures, "failures");
  }
}
