package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.RaiseSpendCapCommand;
import dev.agentcredits.application.port.in.RaiseSpendCapUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.SpendCapView;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.spend.SpendCapPolicy;
import dev.agentcredits.domain.team.Team;
import java.time.Clock;
import java.time.Instant;

/**
 * DOMAIN.md rule 7: the owner or an admin sets the team's monthly cap, lower than the month's spend
 * if they like. Nothing is cached, so the next hold or charge sees the new cap at once.
 */
public final class RaiseSpendCapService implements RaiseSpendCapUseCase {
  private final TeamStore teams;
  private final Access access;
  private final SpendStore spending;
  private final EventOutbox outbox;
  private final TransactionRunner tx;
  private final Clock clock;

  public RaiseSpendCapService(
      TeamStore teams,
      Access access,
      SpendStore spending,
      EventOutbox outbox,
      TransactionRunner tx,
      Clock clock) {
    this.teams = teams;
    this.access = access;
    this.spending = spending;
    this.outbox = outbox;
    this.tx = tx;
    this.clock = clock;
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
          Instant now = clock.instant();
          MonthlySpend spend = spending.lock(team.id(), MonthlySpend.monthOf(now));
          teams.update(team.withMonthlySpendCap(command.monthlyLimit()));
          outbox.append(
              java.util.List.of(
                  BillingEvents.capChanged(
                      team.id(),
                      team.monthlySpendCap(),
                      command.monthlyLimit(),
                      spend.spent(),
                      now)));
          return Outcome.ok(
              new SpendCapView(command.monthlyLimit().cents(), spend.spent().cents()));
        }));
  }
}
