package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.Credits;
import java.util.Objects;

/**
 * Turn a pool's auto-reload on or off. {@code denomination} and {@code threshold} null keep the
 * pool's current values (the default threshold when none was set); turning off needs neither.
 */
public record ConfigureAutoReloadCommand(
    Caller caller, PoolRef pool, boolean enabled, Credits denomination, Credits threshold) {
  public static final long MAX_THRESHOLD = 10_000_000L;

  public ConfigureAutoReloadCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(pool, "pool");
    if (threshold != null && threshold.value() > MAX_THRESHOLD) {
      throw new IllegalArgumentException("threshold_credits must be at most 10,000,000 credits.");
    }
  }
}
