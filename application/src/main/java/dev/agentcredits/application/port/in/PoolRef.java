package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;

/** A member's pool in a team; {@code member} null means the caller's own ("me"). */
public record PoolRef(TeamId team, MemberId member) {
  public PoolRef {
    Objects.requireNonNull(team, "team_id is required");
  }
}
