package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;

/** A question about one team: its members or its API keys. */
public record TeamQuery(Caller caller, TeamId team) {
  public TeamQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
  }
}
