package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.Credits;
import java.util.Objects;

/** {@code threshold} null keeps the pool's current threshold. */
public record ConfigureAutoReloadCommand(
    Caller caller, PoolRef pool, boolean enabled, Credits denomination, Credits threshold) {
  public static final long MAX_THRESHOLD = 10_000_000L;

  public ConfigureAutoReloadCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(denomination, "denomination_credits is required");
    if (threshold != null && threshold.value() > MAX_THRESHOLD) {
      throw new IllegalArgumentException("threshold_credits must be at most 10000000");
    }
  }
}
