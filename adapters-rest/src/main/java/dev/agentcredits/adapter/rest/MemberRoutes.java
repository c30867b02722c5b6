package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.application.port.in.AddMemberCommand;
import dev.agentcredits.application.port.in.AddMemberUseCase;
import dev.agentcredits.application.port.in.ListMembersUseCase;
import dev.agentcredits.application.port.in.MemberCommand;
import dev.agentcredits.application.port.in.RemoveMemberUseCase;
import dev.agentcredits.application.port.in.RotateMemberKeyUseCase;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.domain.team.Role;
import java.util.Arrays;
import java.util.List;

/**
 * A team's members (API.md "Provisioning", "Lists and lifecycle", "Members and keys", DOMAIN.md
 * rule 22): adding and listing them, removing one, rotating a member's key.
 */
public final class MemberRoutes implements RouteGroup {
  private final AddMemberUseCase addMember;
  private final ListMembersUseCase listMembers;
  private final RemoveMemberUseCase removeMember;
  private final RotateMemberKeyUseCase rotateMemberKey;

  public MemberRoutes(
      AddMemberUseCase addMember,
      ListMembersUseCase listMembers,
      RemoveMemberUseCase removeMember,
      RotateMemberKeyUseCase rotateMemberKey) {
    this.addMember = addMember;
    this.listMembers = listMembers;
    this.removeMember = removeMember;
    this.rotateMemberKey = rotateMemberKey;
  }

  @Override
  public List<Route> routes() {
    String member = "/api/v1/teams/{team_id}/members/{member_id}";
    return List.of(
        Route.post("/api/v1/teams/{team_id}/members", this::add),
        Route.get("/api/v1/teams/{team_id}/members", this::members),
        Route.delete(member, this::remove),
        Route.post(member + "/api-key", this::rotate));
  }

  private Reply add(Exchange ex) {
    var team = ex.team();
    var request = ex.body(Requests.AddMember.class);
    var command =
        Exchange.valid(
            () -> new AddMemberCommand(ex.caller(), team, request.email(), role(request.role())));
    return ex.reply(addMember.add(command), 201, Bodies::member);
  }

  private Reply members(Exchange ex) {
    var query = new TeamQuery(ex.caller(), ex.team());
    return ex.reply(listMembers.members(query), 200, Bodies::members);
  }

  private Reply remove(Exchange ex) {
    var command = new MemberCommand(ex.caller(), ex.team(), ex.member());
    return ex.reply(removeMember.remove(command), 204, id -> null);
  }

  private Reply rotate(Exchange ex) {
    var command = new MemberCommand(ex.caller(), ex.team(), ex.member());
    return ex.reply(rotateMemberKey.rotate(command), 200, Bodies::rotatedKey);
  }

  private static Role role(String role) {
    return Arrays.stream(Role.values())
        .filter(r -> r.name().equals(role))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("role must be ADMIN or MEMBER"));
  }
}
