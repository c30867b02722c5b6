package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** credits.low and credits.depleted: what people are told about a pool's available balance. */
public final class BalanceEvents {
  private BalanceEvents() {}

  /** credits.low when a change crosses the threshold, credits.depleted when it reaches zero. */
  public static List<DomainEvent> crossings(Pool before, Pool after, Instant at) {
    List<DomainEvent> events = new ArrayList<>();
    long threshold = after.autoReload().threshold().value();
    if (before.available() > threshold && after.available() <= threshold && after.available() > 0) {
      events.add(balance(EventType.CREDITS_LOW, after, at));
    }
    if (before.available() > 0 && after.available() <= 0) {
      events.add(balance(EventType.CREDITS_DEPLETED, after, at));
    }
    return events;
  }

  /** credits.depleted on its own: a charge made arrears on a pool that had nothing left. */
  public static DomainEvent depleted(Pool pool, Instant at) {
    return balance(EventType.CREDITS_DEPLETED, pool, at);
  }

  private static DomainEvent balance(EventType type, Pool pool, Instant at) {
    var data =
        new EventData.BalanceCrossed(
            pool.id(),
            pool.member(),
            pool.available(),
            pool.autoReload().threshold().value(),
            pool.autoReload().enabled());
    return new DomainEvent(type, pool.team(), pool.id().value(), at, data);
  }
}
