package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RetryRunUseCase;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.admission.Candidate;
import dev.agentcredits.domain.principal.PrincipalResolution;
import dev.agentcredits.domain.principal.PrincipalResolver;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.team.Team;

/** DOMAIN.md rule 12: a FAILED run is billed afresh, with principal resolution and all. */
public final class RetryRunService implements RetryRunUseCase {
  private final TeamStore teams;
  private final RunStore runs;
  private final TransactionRunner tx;
  private final AdmissionLoop admission;

  public RetryRunService(
      TeamStore teams, RunStore runs, TransactionRunner tx, AdmissionLoop admission) {
    this.teams = teams;
    this.runs = runs;
    this.tx = tx;
    this.admission = admission;
  }

  @Override
  public Outcome<RunView> retry(RunCommand command) {
    return Guard.outcome(() -> {
      Run run =
          tx.inTransaction(() -> runs.find(command.run()))
              .map(r -> Access.visibleRun(command.caller(), r))
              .orElseThrow(() -> Guard.refuse(Refusal.notFound("task " + command.run())));
      if (run.state() != RunState.FAILED) {
        throw Guard.refuse(
            Refusal.invalid("only a FAILED task can be retried; this one is " + run.state()));
      }
      Team team = tx.inTransaction(() -> teams.find(run.team())).orElseThrow();
      if (!(PrincipalResolver.resolve(team, run.trigger(), run.triggeredBy())
          instanceof PrincipalResolution.Billed billed)) {
        throw Guard.refuse(Refusal.invalid("this task can no longer be billed"));
      }
      // Admission locks the run and decides it as it is then (usage may reach it meanwhile).
      return admission.admit(
          new Admissions.Request(new Candidate.Retry(run), null, billed.pool(), team, null));
    });
  }
}
