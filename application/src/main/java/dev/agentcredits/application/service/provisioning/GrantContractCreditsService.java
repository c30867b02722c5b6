package dev.agentcredits.application.service.provisioning;

import dev.agentcredits.application.port.in.GrantContractCreditsCommand;
import dev.agentcredits.application.port.in.GrantContractCreditsUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.GrantView;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.team.Team;

/** The operator funds an Enterprise team pool; arrears are paid from the grant first. */
public final class GrantContractCreditsService implements GrantContractCreditsUseCase {
  private final TeamStore teams;
  private final PoolBook book;
  private final TransactionRunner tx;
  private final SecretGenerator ids;

  public GrantContractCreditsService(
      TeamStore teams, PoolBook book, TransactionRunner tx, SecretGenerator ids) {
    this.teams = teams;
    this.book = book;
    this.tx = tx;
    this.ids = ids;
  }

  @Override
  public Outcome<GrantView> grant(GrantContractCreditsCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Access.requireOperator(command.caller());
          Team team =
              teams
                  .find(command.team())
                  .orElseThrow(() -> Guard.refuse(Refusal.notFound("team " + command.team())));
          if (!team.plan().isContract()) {
            throw Guard.refuse(
                Refusal.featureNotAvailable(
                    "contract grants are for ENTERPRISE teams; this team is on " + team.plan()));
          }
          PoolChanges changes = book.open();
          if (!command.expiresAt().isAfter(changes.now())) {
            throw Guard.refuse(Refusal.invalid("expires_at must be in the future"));
          }
          Pool pool = changes.lockCurrent(PoolIds.forTeam(team.id()), team.plan());
          String grantId = ids.newId("grant");
          CreditSource grant =
              new CreditSource(
                  new SourceId(grantId),
                  SourceKind.GRANT,
                  command.credits().value(),
                  0,
                  changes.now(),
                  command.expiresAt());
          Pool after = changes.apply(pool.credit(grant, grantId, changes.now()));
          changes.raise(
              BillingEvents.grantIssued(
                  after, grantId, command.credits().value(), command.expiresAt(), changes.now()));
          changes.flush();
          return Outcome.ok(new GrantView(grantId, command.credits().value(), command.expiresAt()));
        }));
  }
}
