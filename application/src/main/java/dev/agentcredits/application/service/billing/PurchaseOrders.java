package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.spend.CapAlerts;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.AddOnPrice;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Instant;
import java.util.Optional;

/**
 * Where every purchase starts, manual or auto-reload (rules 7, 8 and 19): with the team's month
 * spend row locked, which is the team's purchase lock, a PENDING purchase is placed and its price
 * counts against the cap at once, before the provider is asked. Call inside a transaction.
 */
public final class PurchaseOrders {
  private final TeamStore teams;
  private final SpendStore spending;
  private final PurchaseStore purchases;
  private final SecretGenerator ids;
  private final BillingTerms terms;

  public PurchaseOrders(
      TeamStore teams,
      SpendStore spending,
      PurchaseStore purchases,
      SecretGenerator ids,
      BillingTerms terms) {
    this.teams = teams;
    this.spending = spending;
    this.purchases = purchases;
    this.ids = ids;
    this.terms = terms;
  }

  /** What is bought, for which pool, by whom (null: auto-reload), under which request key. */
  public record Order(
      PoolId pool, AddOnPrice price, PurchaseKind kind, MemberId buyer, String requestKey) {}

  /** Locks the team's spend of the month {@code now} falls in. */
  public MonthlySpend lockMonth(TeamId team, Instant now) {
    return spending.lock(team, MonthlySpend.monthOf(now));
  }

  /** The team's cap, read again now that its month is locked ({@link SpendCaps}). */
  public Money capAsLocked(Team team) {
    return SpendCaps.asLocked(teams, team);
  }

  /** The team's purchase placed earlier under {@code requestKey}, if any. */
  public Optional<Purchase> placedUnder(TeamId team, String requestKey) {
    return purchases.findByRequestKey(team, requestKey);
  }

  /**
   * Places the order as a PENDING purchase, adds its price to the locked month's spend and raises
   * with the transaction's {@code changes} the cap thresholds the spend now reaches (rule 25).
   * {@code cap} is the cap as read with the month locked ({@link #capAsLocked}).
   */
  public Purchase place(MonthlySpend lockedMonth, Money cap, Order order, PoolChanges changes) {
    Instant now = changes.now();
    Purchase purchase =
        new Purchase(
            new PurchaseId(ids.newId("pur")),
            lockedMonth.team(),
            order.pool(),
            order.price().credits(),
            order.price().price(),
            order.kind(),
            PurchaseState.PENDING,
            order.buyer(),
            lockedMonth.month(),
            now,
            terms.lotExpiry(now));
    purchases.insert(purchase, order.requestKey());
    CapAlerts.Decision alerts =
        CapAlerts.afterSpend(lockedMonth.plus(order.price().price()), cap, now);
    spending.update(alerts.spend());
    changes.raiseAll(alerts.events());
    return purchase;
  }
}
