package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.GetRunQuery;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;

public final class GetRunService implements GetRunQuery {
  private final RunStore runs;
  private final TeamStore teams;
  private final ApiKeyStore keys;
  private final TransactionRunner tx;

  public GetRunService(RunStore runs, TeamStore teams, ApiKeyStore keys, TransactionRunner tx) {
    this.runs = runs;
    this.teams = teams;
    this.keys = keys;
    this.tx = tx;
  }

  /** The run with when it was submitted, the start of its prompt and who submitted it. */
  @Override
  public Outcome<RunView> get(RunCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() ->
            runs.find(command.run())
                .map(run -> Access.visibleRun(command.caller(), run))
                .map(run -> Outcome.ok(new RunOrigins(teams, keys).view(run)))
                .orElseThrow(() -> Guard.refuse(Refusal.notFound("task " + command.run())))));
  }
}
