package dev.agentcredits.domain.refusal;

import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.PoolBalances;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the {@code insufficient_credits} problem says: which pool was billed, its balances,
 * what the waterfall tried, what auto-reload could do, the cap, and who can fix it and how.
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
    Resolution resolution) {

  public InsufficientCredits {
    Objects.requireNonNull(billed, "billed");
    Objects.requireNonNull(balances, "balances");
    Objects.requireNonNull(autoReload, "autoReload");
    Objects.requireNonNull(resolution, "resolution");
    sourcesTried = List.copyOf(sourcesTried);
  }

  /**
   * @param cheapestAddOn the price of the smallest denomination: the cap has room when the month's
   *     spend plus it stays within the cap
   * @param contacts the owner's and admins' addresses as far as the caller may see them
   */
  public static InsufficientCredits of(
      BilledPool billed,
      long required,
      PoolBalances balances,
      List<CreditSource> sourcesTried,
      AutoReloadState autoReload,
      Money monthlySpendCap,
      Money monthToDateSpend,
      Optional<Instant> nextRefreshAt,
      Money cheapestAddOn,
      Contacts contacts) {
    boolean capHasRoom = !monthToDateSpend.plus(cheapestAddOn).isGreaterThan(monthlySpendCap);
    return new InsufficientCredits(
        billed,
        required,
        balances,
        sourcesTried,
        autoReload,
        monthlySpendCap,
        monthToDateSpend,
        nextRefreshAt.orElse(null),
        Resolution.decide(billed.payer(), autoReload, capHasRoom).naming(contacts));
  }

  public Optional<Instant> nextRefresh() {
    return Optional.ofNullable(nextRefreshAt);
  }

  public RefusalCase cause() {
    return resolution.cause();
  }

  /** The page's "How to resolve", for the pool that was billed. */
  public List<Remedy> remedies() {
    return resolution.steps();
  }
}
