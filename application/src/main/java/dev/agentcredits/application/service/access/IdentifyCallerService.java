package dev.agentcredits.application.service.access;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.IdentifyCallerQuery;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.CallerView;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;

/** Reads who the authenticated key acts as, with the member's current email and role. */
public final class IdentifyCallerService implements IdentifyCallerQuery {
  private final TeamStore teams;
  private final TransactionRunner tx;

  public IdentifyCallerService(TeamStore teams, TransactionRunner tx) {
    this.teams = teams;
    this.tx = tx;
  }

  @Override
  public Outcome<CallerView> identify(Caller caller) {
    return Guard.outcome(() ->
        tx.inTransaction(() ->
            Outcome.ok(
                switch (caller) {
                  case Caller.Operator o -> CallerView.operator();
                  case Caller.Integration i ->
                      throw Guard.refuse(Refusal.notAuthorized("an integration has no identity"));
                  case Caller.TeamKey key -> {
                    Team team = team(key.team());
                    yield view("team_key", team, null);
                  }
                  case Caller.MemberKey key -> {
                    Team team = team(key.team());
                    Member member =
                        teams
                            .findMember(key.member())
                            .orElseThrow(
                                () -> Guard.refuse(Refusal.notFound("member " + key.member())));
                    yield view("member", team, member);
                  }
                })));
  }

  private static CallerView view(String kind, Team team, Member member) {
    return new CallerView(
        kind,
        team.id().value(),
        team.name(),
        team.plan().name(),
        team.owner().value(),
        member == null ? null : member.id().value(),
        member == null ? null : member.email(),
        member == null ? null : member.role().name());
  }

  private Team team(TeamId id) {
    return teams.find(id).orElseThrow(() -> Guard.refuse(Refusal.notFound("team " + id)));
  }
}
