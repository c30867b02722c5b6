package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.RaiseSpendCapCommand;
import dev.agentcredits.application.port.in.RaiseSpendCapUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.SpendCapView;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.spend.CapAlerts;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.spend.SpendCapPolicy;
import dev.agentcredits.domain.team.Team;
import java.time.Instant;

/**
 * DOMAIN.md rule 7: the owner or an admin sets the team's monthly cap, lower than the month's spend
 * if they like. Nothing is cached, so the next hold or charge sees the new cap at once. The cap's
 * thresholds are measured against the new cap in the same transaction (rule 25, {@link
 * CapAlerts#afterCapChange}).
 */
public final class RaiseSpendCapService implements RaiseSpendCapUseCase {
  private final TeamStore teams;
  private final Access access;
  private final SpendStore spending;
  private final PoolBook book;
  private final TransactionRunner tx;

  public RaiseSpendCapService(
      TeamStore teams, Access access, SpendStore spending, PoolBook book, TransactionRunner tx) {
    this.teams = teams;
    this.access = access;
    this.spending = spending;
    this.book = book;
    this.tx = tx;
  }

  @Override
  public Outcome<SpendCapView> setMonthlyLimit(RaiseSpendCapCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.administeredTeam(command.caller(), command.team());
          if (!SpendCapPolicy.isAllowed(command.monthlyLimit())) {
            throw Guard.refuse(
                Refusal.invalid(
                    "monthly_limit_cents must be at most "
                        + SpendCapPolicy.MAXIMUM_MONTHLY_CAP.cents()));
          }
          PoolChanges changes = book.open();
          Instant now = changes.now();
          MonthlySpend spend = spending.lock(team.id(), MonthlySpend.monthOf(now));
          Money previous = SpendCaps.asLocked(teams, team);
          teams.update(team.withMonthlySpendCap(command.monthlyLimit()));
          CapAlerts.Decision alerts =
              CapAlerts.afterCapChange(spend, previous, command.monthlyLimit(), now);
          if (!alerts.spend().equals(spend)) {
            spending.update(alerts.spend());
          }
          changes.raise(
              BillingEvents.capChanged(
                  team.id(), previous, command.monthlyLimit(), spend.spent(), now));
          changes.raiseAll(alerts.events());
          changes.flush();
          return Outcome.ok(
              new SpendCapView(command.monthlyLimit().cents(), spend.spent().cents()));
        }));
  }
}
