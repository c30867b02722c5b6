package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.application.port.in.MemberCommand;
import dev.agentcredits.application.port.in.RemoveMemberUseCase;
import dev.agentcredits.application.port.in.RotateMemberKeyUseCase;
import java.util.List;

/** API.md "Members and keys" (DOMAIN.md rule 22): removing a member, rotating a member's key. */
final class MemberRoutes {
  private final RemoveMemberUseCase removeMember;
  private final RotateMemberKeyUseCase rotateMemberKey;

  MemberRoutes(RestUseCases useCases) {
    this.removeMember = useCases.removeMember();
    this.rotateMemberKey = useCases.rotateMemberKey();
  }

  List<Route> routes() {
    return List.of(
        Route.delete("/api/v1/teams/{team_id}/members/{member_id}", this::remove),
        Route.post("/api/v1/teams/{team_id}/members/{member_id}/api-key", this::rotate));
  }

  private Reply remove(Exchange ex) {
    var command = new MemberCommand(ex.caller(), ex.team(), ex.member());
    return ex.reply(removeMember.remove(command), 204, id -> null);
  }

  private Reply rotate(Exchange ex) {
    var command = new MemberCommand(ex.caller(), ex.team(), ex.member());
    return ex.reply(rotateMemberKey.rotate(command), 200, Bodies::rotatedKey);
  }
}
