package dev.agentcredits.domain.refusal;

import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.PoolBalances;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.shared.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the {@code insufficient_credits} problem says: which pool was billed, its balances,
 * what the waterfall tried, what auto-reload could do, the cap, and who can fix it.
 */
public record InsufficientCredits(
    BilledPool billed,
    long required,
    PoolBalances balances,
    List<CreditSource> sourcesTried,
    AutoReloadState autoReload,
    Money monthlySpendCap,
    Money monthToDateSpend,
    Instant nextRefreshAt,
    List<Remedy> remedies) {

  public InsufficientCredits {
    Objects.requireNonNull(billed, "billed");
    Objects.requireNonNull(balances, "balances");
    Objects.requireNonNull(autoReload, "autoReload");
    sourcesTried = List.copyOf(sourcesTried);
    remedies = List.copyOf(remedies);
  }

  public static InsufficientCredits of(
      BilledPool billed,
      long required,
      PoolBalances balances,
      List<CreditSource> sourcesTried,
      AutoReloadState autoReload,
      Money monthlySpendCap,
      Money monthToDateSpend,
      Optional<Instant> nextRefreshAt) {
    return new InsufficientCredits(
        billed,
        required,
        balances,
        sourcesTried,
        autoReload,
        monthlySpendCap,
        monthToDateSpend,
        nextRefreshAt.orElse(null),
        remediesFor(billed.payer(), autoReload));
  }

  public Optional<Instant> nextRefresh() {
    return Optional.ofNullable(nextRefreshAt);
  }

  /** The page's "How to resolve", for the pool that was billed. */
  static List<Remedy> remediesFor(Payer payer, AutoReloadState autoReload) {
    if (payer == Payer.TEAM_POOL) {
      return List.of(
          new Remedy(RemedyAction.CONTACT_ACCOUNT_MANAGER, Fixer.ACCOUNT_MANAGER),
          new Remedy(RemedyAction.RETRY, Fixer.TRIGGERING_USER));
    }
    Fixer poolOwner = payer == Payer.TRIGGERING_USER ? Fixer.TRIGGERING_USER : Fixer.TEAM_OWNER;
    List<Remedy> remedies = new ArrayList<>();
    remedies.add(new Remedy(RemedyAction.PURCHASE_ADD_ON, poolOwner));
    if (payer == Payer.TEAM_OWNER) {
      remedies.add(new Remedy(RemedyAction.PURCHASE_ADD_ON, Fixer.TEAM_ADMIN));
    }
    remedies.add(new Remedy(RemedyAction.WAIT_FOR_REFRESH, poolOwner));
    switch (autoReload) {
      case OFF, PAYMENT_DECLINED ->
          remedies.add(new Remedy(RemedyAction.ENABLE_AUTO_RELOAD, poolOwner));
      case CAP_REACHED -> remedies.add(new Remedy(RemedyAction.RAISE_SPEND_CAP, Fixer.TEAM_ADMIN));
      case IN_FLIGHT, NOT_OFFERED -> {}
    }
    remedies.add(new Remedy(RemedyAction.RETRY, Fixer.TRIGGERING_USER));
    return remedies;
  }
}
