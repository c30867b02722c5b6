package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;

/** An action on one member of a team: removing them, or rotating their key. */
public record MemberCommand(Caller caller, TeamId team, MemberId member) {
  public MemberCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    Objects.requireNonNull(member, "member_id is required");
  }
}
