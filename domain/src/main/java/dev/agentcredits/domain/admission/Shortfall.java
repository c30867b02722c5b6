package dev.agentcredits.domain.admission;

import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PoolBalances;
import dev.agentcredits.domain.pool.ReserveOutcome;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.refusal.Contacts;
import dev.agentcredits.domain.refusal.InsufficientCredits;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a refused admission knows of why: the pool billed and what it lacked, auto-reload's state
 * and the cap. The month's spend and who may be named are read only for a refusal ({@link
 * #explain}), so an accepted run never pays for them.
 */
public record Shortfall(
    BilledPool billed,
    long required,
    PoolBalances balances,
    List<CreditSource> sourcesTried,
    AutoReloadState autoReload,
    Money monthlySpendCap,
    Instant nextRefreshAt,
    Money cheapestAddOn) {

  public Shortfall {
    sourcesTried = List.copyOf(sourcesTried);
  }

  static Shortfall of(
      BilledPool billed,
      ReserveOutcome.Short lacking,
      AutoReloadState autoReload,
      Team team,
      Pool pool,
      BillingTerms terms) {
    return new Shortfall(
        billed,
        lacking.required(),
        lacking.balances(),
        lacking.sourcesTried(),
        autoReload,
        team.monthlySpendCap(),
        pool.nextRefreshAt(terms.cycleLength()).orElse(null),
        terms.priceList().prices().get(0).price());
  }

  /** The insufficient_credits refusal, with the month's spend and the addresses it may show. */
  public InsufficientCredits explain(Money monthToDateSpend, Contacts contacts) {
    return InsufficientCredits.of(
        billed,
        required,
        balances,
        sourcesTried,
        autoReload,
        monthlySpendCap,
        monthToDateSpend,
        Optional.ofNullable(nextRefreshAt),
        cheapestAddOn,
        contacts);
  }
}
