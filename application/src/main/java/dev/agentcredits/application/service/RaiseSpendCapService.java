package dev.agentcredits.application.service;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.RaiseSpendCapCommand;
import dev.agentcredits.application.port.in.RaiseSpendCapUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.SpendCapView;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
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
  private final Stores stores;
  private final TransactionRunner tx;
  private final Access access;
  private final Clock clock;

  RaiseSpendCapService(Stores stores, TransactionRunner tx, Clock clock) {
    this.stores = stores;
    this.tx = tx;
    this.access = new Access(stores.teams());
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
          MonthlySpend spend = stores.spend().lock(team.id(), MonthlySpend.monthOf(now));
          stores.teams().update(team.withMonthlySpendCap(command.monthlyLimit()));
          stores
              .outbox()
              .append(
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
