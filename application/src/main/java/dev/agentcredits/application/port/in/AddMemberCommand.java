package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Role;
import java.util.Objects;

public record AddMemberCommand(Caller caller, TeamId team, String email, Role role) {
  public AddMemberCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    Objects.requireNonNull(role, "role is required");
    if (role == Role.OWNER) {
      throw new IllegalArgumentException(
          "role must be ADMIN or MEMBER: a team has exactly one owner");
    }
    Email.requireValid(email, "email");
  }
}
