package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;

public record RevokeApiKeyCommand(Caller caller, TeamId team, ApiKeyId key) {
  public RevokeApiKeyCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    Objects.requireNonNull(key, "key_id is required");
  }
}
