package dev.agentcredits.application.service.limits;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.MemberLimitCommand;
import dev.agentcredits.application.port.in.MemberLimitsUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.application.port.in.view.MemberLimitView;
import dev.agentcredits.application.port.in.view.TeamMemberLimitsView;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.limit.MemberLimitEvents;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DOMAIN.md rule 24: the owner or an admin (the operator too) sets the team's default monthly limit
 * for members and each member's own; a member reads their own. Nothing is cached: the next
 * admission or charge reads the limit afresh, under its pool's lock.
 */
public final class MemberLimitsService implements MemberLimitsUseCase {
  private final TeamStore teams;
  private final MemberLimitStore limits;
  private final EventOutbox outbox;
  private final TransactionRunner tx;
  private final Access access;
  private final MemberLimitFigures figures;
  private final Clock clock;

  public MemberLimitsService(
      TeamStore teams,
      MemberLimitStore limits,
      EventOutbox outbox,
      TransactionRunner tx,
      Clock clock) {
    this.teams = teams;
    this.limits = limits;
    this.outbox = outbox;
    this.tx = tx;
    this.access = new Access(teams);
    this.figures = new MemberLimitFigures(limits);
    this.clock = clock;
  }

  @Override
  public Outcome<TeamMemberLimitsView> setTeamDefault(MemberLimitCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.administeredTeam(command.caller(), command.team());
          Long previous = limits.teamDefault(team.id()).orElse(null);
          Long now = command.monthlyCredits();
          limits.setTeamDefault(team.id(), now);
          if (!Objects.equals(previous, now)) {
            outbox.append(
                List.of(
                    MemberLimitEvents.teamDefaultChanged(
                        team.id(), previous, now, clock.instant())));
          }
          return Outcome.ok(new TeamMemberLimitsView(now, List.of()));
        }));
  }

  @Override
  public Outcome<MemberLimitView> setMemberLimit(MemberLimitCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.administeredTeam(command.caller(), command.team());
          Member member = access.poolOwner(command.caller(), team, command.member());
          MemberLimitStore.Standing before = standing(member.id());
          Long own = command.monthlyCredits();
          limits.setOwn(team.id(), member.id(), own);
          MemberLimitStore.Standing after =
              new MemberLimitStore.Standing(
                  member.id(), team.id(), before.teamDefault(), own, before.kept());
          Instant now = clock.instant();
          if (!Objects.equals(before.own(), own)) {
            outbox.append(
                List.of(
                    MemberLimitEvents.memberChanged(
                        team.id(), member.id(), before.own(), own, after.limit(), now)));
          }
          return Outcome.ok(figures.view(after, now));
        }));
  }

  @Override
  public Outcome<MemberLimitView> memberLimit(Caller caller, PoolRef ref) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.teamOf(caller, ref.team());
          Member member = access.poolOwner(caller, team, ref.member());
          return Outcome.ok(figures.view(standing(member.id()), clock.instant()));
        }));
  }

  @Override
  public Outcome<TeamMemberLimitsView> teamLimits(TeamQuery query) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.administeredTeam(query.caller(), query.team());
          List<MemberId> members = teams.members(team.id()).stream().map(Member::id).toList();
          Map<MemberId, MemberLimitStore.Standing> standings = limits.standings(members);
          Instant now = clock.instant();
          return Outcome.ok(
              new TeamMemberLimitsView(
                  limits.teamDefault(team.id()).orElse(null),
                  members.stream().map(m -> figures.view(standings.get(m), now)).toList()));
        }));
  }

  private MemberLimitStore.Standing standing(MemberId member) {
    return limits.standings(List.of(member)).get(member);
  }
}
