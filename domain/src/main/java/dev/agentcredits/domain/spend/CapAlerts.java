package dev.agentcredits.domain.spend;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.threshold.ThresholdCrossing;
import dev.agentcredits.domain.threshold.ThresholdCrossing.Crossing;
import dev.agentcredits.domain.threshold.Thresholds;
import java.time.Instant;
import java.util.List;

/**
 * DOMAIN.md rule 25 for the spend cap: the month-to-date spend reaching 50, 80 and 100 % of the cap
 * raises {@code spend_cap.threshold_reached}, each once a month, decided under the month's locked
 * row in the transaction that changes the spend or the cap.
 */
public final class CapAlerts {
  private CapAlerts() {}

  /** The month as it is to be saved, and the events to raise with it. */
  public record Decision(MonthlySpend spend, List<DomainEvent> events) {}

  /** After a purchase added to (or a refund took from) the month's spend, the cap unchanged. */
  public static Decision afterSpend(MonthlySpend spend, Money cap, Instant at) {
    Crossing crossing =
        ThresholdCrossing.afterUse(
            spend.announced(), spend.spent().cents(), cap.cents(), Thresholds.SPEND_CAP, at);
    return decision(spend, cap, crossing, at);
  }

  /**
   * After the cap changed: thresholds are measured against the new cap. One it newly reaches is
   * announced now; one it no longer reaches is announced again when the spend crosses it.
   */
  public static Decision afterCapChange(
      MonthlySpend spend, Money previousCap, Money cap, Instant at) {
    Crossing crossing =
        ThresholdCrossing.afterLimitChange(
            spend.announced(),
            spend.spent().cents(),
            previousCap.cents(),
            cap.cents(),
            Thresholds.SPEND_CAP,
            at);
    return decision(spend, cap, crossing, at);
  }

  private static Decision decision(MonthlySpend spend, Money cap, Crossing crossing, Instant at) {
    List<DomainEvent> events =
        crossing.newlyReached().stream().map(percent -> reached(spend, cap, percent, at)).toList();
    return new Decision(spend.withAnnounced(crossing.announced()), events);
  }

  private static DomainEvent reached(MonthlySpend spend, Money cap, int percent, Instant at) {
    var data = new EventData.SpendCapThresholdReached(spend.month(), percent, spend.spent(), cap);
    return new DomainEvent(
        EventType.SPEND_CAP_THRESHOLD_REACHED, spend.team(), spend.team().value(), at, data);
  }
}
