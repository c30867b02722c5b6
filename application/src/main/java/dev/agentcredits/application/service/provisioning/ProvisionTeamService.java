package dev.agentcredits.application.service.provisioning;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.ProvisionTeamCommand;
import dev.agentcredits.application.port.in.ProvisionTeamUseCase;
import dev.agentcredits.application.port.in.view.IssuedMemberView;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Role;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.time.Instant;

/** The operator creates a team, its owner with a key, and its pools. */
public final class ProvisionTeamService implements ProvisionTeamUseCase {
  private final TeamStore teams;
  private final TransactionRunner tx;
  private final Enrollment enrollment;
  private final SecretGenerator ids;
  private final BillingTerms terms;
  private final Clock clock;

  public ProvisionTeamService(
      TeamStore teams,
      TransactionRunner tx,
      Enrollment enrollment,
      SecretGenerator ids,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.tx = tx;
    this.enrollment = enrollment;
    this.ids = ids;
    this.terms = terms;
    this.clock = clock;
  }

  @Override
  public Outcome<ProvisionedTeamView> provision(ProvisionTeamCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Access.requireOperator(command.caller());
          Instant now = clock.instant();
          MemberId owner = new MemberId(ids.newId("mem"));
          Team team =
              new Team(
                  new TeamId(ids.newId("team")),
                  command.name(),
                  command.plan(),
                  owner,
                  terms.defaultMonthlySpendCap(),
                  now);
          teams.insert(team);
          IssuedMemberView issued =
              enrollment.enroll(team, owner, command.ownerEmail(), Role.OWNER, now);
          if (team.plan().isContract()) {
            enrollment.openPool(
                Pool.openForTeam(team.id(), AutoReloadSettings.off(terms.defaultReloadThreshold())),
                team,
                now);
          }
          return Outcome.ok(new ProvisionedTeamView(team.id().value(), team.plan().name(), issued));
        }));
  }
}
