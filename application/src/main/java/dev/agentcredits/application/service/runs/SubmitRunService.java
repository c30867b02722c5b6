package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.SubmitRunUseCase;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.RequestKeys;
import dev.agentcredits.domain.admission.Candidate;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.PrincipalResolution;
import dev.agentcredits.domain.principal.PrincipalResolver;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.time.Clock;
import java.util.Optional;

public final class SubmitRunService implements SubmitRunUseCase {
  private final TeamStore teams;
  private final AdmissionLoop admission;
  private final SecretGenerator ids;
  private final Clock clock;

  public SubmitRunService(
      TeamStore teams, AdmissionLoop admission, SecretGenerator ids, Clock clock) {
    this.teams = teams;
    this.admission = admission;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public Outcome<RunView> submit(SubmitRunCommand command) {
    return Guard.outcome(() -> {
      Who who = who(command);
      // Plan and owner only (they pick the billed pool); admission reads the team again in its
      // transaction and refuses with a retryable conflict if either changed meanwhile.
      Team team =
          teams
              .find(who.team())
              .orElseThrow(() -> Guard.refuse(Refusal.notFound("team " + who.team())));
      BilledPool billed = resolve(team, who, command.caller());
      var submission =
          new Candidate.Submission(
              new RunId(ids.newId("task")),
              team.id(),
              who.trigger(),
              who.member(),
              command.scheduleId(),
              command.prompt(),
              clock.instant(),
              command.caller() instanceof Caller.TeamKey k ? k.key() : null);
      // Under a request key used before, admission answers the run that key made (or its refusal)
      // from inside its transaction: no look-up of its own here.
      String requestKey = RequestKeys.scoped(command.caller(), command.requestKey());
      return admission.admit(new Admissions.Request(submission, requestKey, billed, team, null));
    });
  }

  private record Who(TeamId team, Trigger trigger, MemberId member) {}

  /**
   * The key says who submits; an integration says it itself. A schedule makes the run SCHEDULED.
   */
  private Who who(SubmitRunCommand command) {
    Trigger scheduled = command.scheduleId() != null ? Trigger.SCHEDULED : null;
    return switch (command.caller()) {
      case Caller.MemberKey m ->
          new Who(m.team(), scheduled != null ? scheduled : Trigger.USER, m.member());
      case Caller.TeamKey k ->
          new Who(k.team(), scheduled != null ? scheduled : Trigger.TEAM_API_KEY, null);
      case Caller.Integration i -> new Who(command.team(), command.trigger(), command.member());
      case Caller.Operator o ->
          throw Guard.refuse(
              Refusal.invalid("the operator key cannot submit runs; use a member or team API key"));
    };
  }

  private BilledPool resolve(Team team, Who who, Caller caller) {
    if (caller instanceof Caller.Integration && who.trigger() == Trigger.USER) {
      // A member key was read with its current member by this request's authentication (removing
      // a member revokes their keys in the same transaction). An integration only names the
      // member: read it.
      Optional<Member> member =
          who.member() == null ? Optional.empty() : teams.findMember(who.member());
      if (who.member() != null && (member.isEmpty() || !member.get().team().equals(team.id()))) {
        throw Guard.refuse(Refusal.notFound("member " + who.member()));
      }
    }
    return switch (PrincipalResolver.resolve(team, who.trigger(), who.member())) {
      case PrincipalResolution.Billed billed -> billed.pool();
      case PrincipalResolution.PlanCannotRunAgents p ->
          throw Guard.refuse(
              Refusal.featureNotAvailable("the " + team.plan() + " plan cannot run cloud agents"));
      case PrincipalResolution.TriggeringMemberMissing m ->
          throw Guard.refuse(Refusal.invalid("a USER-triggered run must name its member"));
    };
  }
}
