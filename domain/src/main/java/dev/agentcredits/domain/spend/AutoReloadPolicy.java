package dev.agentcredits.domain.spend;

import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.terms.PriceList;

/** DOMAIN.md rules 6 and 17: when auto-reload buys, and what it never does. */
public final class AutoReloadPolicy {
  private AutoReloadPolicy() {}

  public static ReloadDecision decide(
      Pool pool, Plan plan, Money monthlyCap, MonthlySpend spend, PriceList prices) {
    if (!plan.allowsAddOns() || !pool.autoReload().enabled()) {
      return new ReloadDecision.Refuse(ReloadFailure.AUTO_RELOAD_DISABLED);
    }
    if (pool.isReloadInFlight()) {
      return new ReloadDecision.AlreadyInFlight();
    }
    var price = prices.forDenomination(pool.autoReload().denomination());
    if (price.isEmpty()) {
      return new ReloadDecision.Refuse(ReloadFailure.AUTO_RELOAD_DISABLED);
    }
    if (!spend.allows(price.get().price(), monthlyCap)) {
      return new ReloadDecision.Refuse(ReloadFailure.SPEND_CAP_REACHED);
    }
    return new ReloadDecision.Buy(price.get());
  }

  /**
   * A hold or charge that leaves the available balance at or below the threshold fires a reload.
   */
  public static boolean isAtOrBelowThreshold(Pool pool) {
    return pool.available() <= pool.autoReload().threshold().value();
  }

  public static boolean wantsReload(Pool pool) {
    return pool.autoReload().enabled() && isAtOrBelowThreshold(pool);
  }
}
