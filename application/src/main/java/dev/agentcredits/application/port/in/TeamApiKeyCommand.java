package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;

/** Issue a team API key named {@code name}. */
public record TeamApiKeyCommand(Caller caller, TeamId team, String name) {
  public TeamApiKeyCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name must be 1-200 characters");
    }
    Text.requirePlain(name, "name");
  }
}
