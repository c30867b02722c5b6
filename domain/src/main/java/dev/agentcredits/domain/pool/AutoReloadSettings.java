package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.shared.Credits;
import java.util.Objects;

/**
 * A pool's auto-reload switch. {@code denomination} is absent until first configured; {@code
 * turnedOffBy} records why the engine itself switched reload off (a declined payment).
 */
public record AutoReloadSettings(
    boolean enabled, Credits denomination, Credits threshold, ReloadFailure turnedOffBy) {

  public AutoReloadSettings {
    Objects.requireNonNull(threshold, "threshold");
    if (enabled && denomination == null) {
      throw new IllegalArgumentException("auto-reload needs a denomination to be enabled");
    }
  }

  public static AutoReloadSettings off(Credits threshold) {
    return new AutoReloadSettings(false, null, threshold, null);
  }

  public AutoReloadSettings turnedOffAfter(ReloadFailure failure) {
    return new AutoReloadSettings(false, denomination, threshold, failure);
  }
}
