package dev.agentcredits.domain.alert;

import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.threshold.Thresholds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which alerts are in force, from the state as it is now (not from the events that announced them):
 * the cap at 80 % or more, an auto-reload a declined payment turned off, a pool at or below its
 * threshold. Blocking alerts come first, then the newest.
 */
public final class AlertsInForce {
  /** The lowest cap threshold that is still in force as an alert. */
  public static final int CAP_ALERT_FROM_PERCENT = 80;

  private AlertsInForce() {}

  /** The team's month and its cap, on a plan that buys add-ons (no cap applies otherwise). */
  public record CapStanding(MonthlySpend spend, Money cap) {}

  /**
   * A pool as it stands now, when its latest declined auto-reload was placed and when its balance
   * last changed (either absent when unknown).
   */
  public record PoolStanding(Pool pool, Instant declinedAt, Instant lastChangedAt) {}

  /** {@code now} stands in for a beginning the service does not know. */
  public static List<Alert> of(Optional<CapStanding> cap, List<PoolStanding> pools, Instant now) {
    List<Alert> alerts = new ArrayList<>();
    cap.flatMap(c -> capAlert(c, now)).ifPresent(alerts::add);
    for (PoolStanding standing : pools) {
      alerts.addAll(poolAlerts(standing, now));
    }
    alerts.sort(
        Comparator.comparing(Alert::blocking)
            .reversed()
            .thenComparing(Alert::raisedAt, Comparator.reverseOrder()));
    return List.copyOf(alerts);
  }

  private static Optional<Alert> capAlert(CapStanding standing, Instant now) {
    MonthlySpend spend = standing.spend();
    var reached = Thresholds.SPEND_CAP.reached(spend.spent().cents(), standing.cap().cents());
    if (reached.isEmpty() || reached.last() < CAP_ALERT_FROM_PERCENT) {
      return Optional.empty();
    }
    Instant since = spend.announced().lastAt() != null ? spend.announced().lastAt() : now;
    return Optional.of(
        new Alert.SpendCapNear(reached.last(), spend.spent(), standing.cap(), since));
  }

  private static List<Alert> poolAlerts(PoolStanding standing, Instant now) {
    Pool pool = standing.pool();
    List<Alert> alerts = new ArrayList<>();
    if (pool.isClosed()) {
      return alerts;
    }
    var reload = pool.autoReload();
    if (!reload.enabled() && reload.turnedOffBy() == ReloadFailure.PAYMENT_DECLINED) {
      alerts.add(
          new Alert.ReloadDeclined(pool.id(), pool.member(), orNow(standing.declinedAt(), now)));
    }
    if (pool.available() <= reload.threshold().value()) {
      alerts.add(
          new Alert.PoolLow(
              pool.id(),
              pool.member(),
              pool.available(),
              reload.threshold().value(),
              reload.enabled(),
              orNow(standing.lastChangedAt(), now)));
    }
    return alerts;
  }

  private static Instant orNow(Instant known, Instant now) {
    return known != null ? known : now;
  }
}
