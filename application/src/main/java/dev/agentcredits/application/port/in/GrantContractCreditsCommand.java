package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Objects;

public record GrantContractCreditsCommand(
    Caller caller, TeamId team, Credits credits, Instant expiresAt) {
  public static final long MAX_GRANT = 1_000_000_000_000L;

  public GrantContractCreditsCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    Objects.requireNonNull(credits, "credits is required");
    Objects.requireNonNull(expiresAt, "expires_at is required");
    StorableTime.require(expiresAt, "expires_at");
    if (!credits.isPositive() || credits.value() > MAX_GRANT) {
      throw new IllegalArgumentException("credits must be from 1 to 1000000000000");
    }
  }
}
