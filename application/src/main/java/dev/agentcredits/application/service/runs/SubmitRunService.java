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
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Clock;

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
      requireNamedMember(who, command.caller());
      // Who pays is resolved by admission, from the team as its transaction reads it (rule 1).
      var submission =
          new Candidate.Submission(
              new RunId(ids.newId("task")),
              who.team(),
              who.trigger(),
              who.member(),
              command.scheduleId(),
              command.prompt(),
              clock.instant(),
              command.caller() instanceof Caller.TeamKey k ? k.key() : null);
      // Under a request key used before, admission answers the run that key made (or its refusal)
      // from inside its transaction: no look-up of its own here.
      String requestKey = RequestKeys.scoped(command.caller(), command.requestKey());
      return admission.admit(Admissions.Request.unresolved(submission, requestKey));
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

  /**
   * A member key's member is the one authentication just read with the key (removing a member
   * revokes their keys in the same transaction). An integration only names the member: read it.
   */
  private void requireNamedMember(Who who, Caller caller) {
    if (!(caller instanceof Caller.Integration) || who.trigger() != Trigger.USER) {
      return;
    }
    if (who.member() != null
        && teams.findMember(who.member()).filter(m -> m.team().equals(who.team())).isEmpty()) {
      throw Guard.refuse(Refusal.notFound("member " + who.member()));
    }
  }
}
