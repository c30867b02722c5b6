package dev.agentcredits.application.service.provisioning;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.ListMembersUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.application.port.in.view.MemberView;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.util.List;

/** The operator, the owner and admins see every member; a MEMBER sees only themselves. */
public final class ListMembersService implements ListMembersUseCase {
  private final TeamStore teams;
  private final TransactionRunner tx;
  private final Access access;

  public ListMembersService(TeamStore teams, Access access, TransactionRunner tx) {
    this.teams = teams;
    this.tx = tx;
    this.access = access;
  }

  @Override
  public Outcome<List<MemberView>> members(TeamQuery query) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Caller caller = query.caller();
          Team team = access.teamOf(caller, query.team());
          if (!Access.administers(caller) && !(caller instanceof Caller.MemberKey)) {
            throw Guard.refuse(
                Refusal.notAuthorized(
                    "members are listed for the operator and the team's members"));
          }
          return Outcome.ok(
              teams.members(team.id()).stream()
                  .filter(m -> Access.administers(caller) || isCaller(caller, m))
                  .map(m -> new MemberView(m.id().value(), m.email(), m.role().name()))
                  .toList());
        }));
  }

  private static boolean isCaller(Caller caller, Member member) {
    return caller instanceof Caller.MemberKey m && m.member().equals(member.id());
  }
}
