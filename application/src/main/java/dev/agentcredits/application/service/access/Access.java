package dev.agentcredits.application.service.access;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;

/**
 * Who may do what (DOMAIN.md rules 7, 8, 11 and API.md's "who" columns). Every check either returns
 * what the caller may touch or throws a refusal; another team's resources are reported as not
 * authorized for teams and as not found for runs, and never shown.
 */
public final class Access {
  private final TeamStore teams;

  public Access(TeamStore teams) {
    this.teams = teams;
  }

  public static void requireOperator(Caller caller) {
    if (!(caller instanceof Caller.Operator)) {
      throw Guard.refuse(Refusal.notAuthorized("only the operator may do this"));
    }
  }

  /** The team, if the caller belongs to it (any role or key) or is the operator. */
  public Team teamOf(Caller caller, TeamId id) {
    boolean inTeam =
        switch (caller) {
          case Caller.Operator o -> true;
          case Caller.Integration i -> true;
          case Caller.MemberKey m -> m.team().equals(id);
          case Caller.TeamKey k -> k.team().equals(id);
        };
    if (!inTeam) {
      throw Guard.refuse(Refusal.notAuthorized("the team belongs to another account"));
    }
    return teams.find(id).orElseThrow(() -> Guard.refuse(Refusal.notFound("team " + id)));
  }

  /** The team, if the caller is its owner or an admin, or the operator. */
  public Team administeredTeam(Caller caller, TeamId id) {
    Team team = teamOf(caller, id);
    if (!administers(caller)) {
      throw Guard.refuse(Refusal.notAuthorized("only the team owner or an admin may do this"));
    }
    return team;
  }

  /**
   * A member's pool owner, if the caller is that member, the team's owner or admin, or the
   * operator.
   */
  public Member poolOwner(Caller caller, Team team, MemberId requested) {
    MemberId memberId = requested != null ? requested : ownMember(caller);
    Member member =
        teams
            .findMember(memberId)
            .filter(m -> m.team().equals(team.id()))
            .orElseThrow(() -> Guard.refuse(Refusal.notFound("member " + memberId)));
    boolean self = caller instanceof Caller.MemberKey m && m.member().equals(memberId);
    if (!self && !administers(caller)) {
      throw Guard.refuse(
          Refusal.notAuthorized("only that member, the team owner or an admin may do this"));
    }
    return member;
  }

  /**
   * Runs of another team are not found, so their ids reveal nothing. Within the team a {@code
   * MEMBER} touches only the runs they started: retrying someone else's run would spend that
   * person's pool (a member buys only for their own, rule 8), and reading it shows their billing.
   */
  public static Run visibleRun(Caller caller, Run run) {
    boolean visible =
        switch (caller) {
          case Caller.Operator o -> true;
          case Caller.Integration i -> true;
          case Caller.MemberKey m -> m.team().equals(run.team());
          case Caller.TeamKey k -> k.team().equals(run.team());
        };
    if (!visible) {
      throw Guard.refuse(Refusal.notFound("task " + run.id()));
    }
    if (caller instanceof Caller.MemberKey m
        && !m.role().administers()
        && !run.triggeredByMember().map(m.member()::equals).orElse(false)) {
      throw Guard.refuse(
          Refusal.notAuthorized(
              "a MEMBER may only act on the runs they started; the team owner or an admin may act"
                  + " on any run of the team"));
    }
    return run;
  }

  /** Usage comes from the platform: the operator, an integration or the team's API key. */
  public static void requireUsageReporter(Caller caller) {
    if (caller instanceof Caller.MemberKey) {
      throw Guard.refuse(
          Refusal.notAuthorized("usage is reported with the operator key or a team API key"));
    }
  }

  public static boolean administers(Caller caller) {
    return switch (caller) {
      case Caller.Operator o -> true;
      case Caller.MemberKey m -> m.role().administers();
      case Caller.TeamKey k -> false;
      case Caller.Integration i -> false;
    };
  }

  private static MemberId ownMember(Caller caller) {
    if (caller instanceof Caller.MemberKey m) {
      return m.member();
    }
    throw Guard.refuse(Refusal.invalid("\"me\" needs a member key; name the member instead"));
  }
}
