package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import java.time.Instant;

/** The events time raises on a pool. */
final class PoolEvents {
  private PoolEvents() {}

  static DomainEvent refreshed(Pool pool, CreditSource cycle, long arrearsPaid) {
    return new DomainEvent(
        EventType.PLAN_CREDITS_REFRESHED,
        pool.team(),
        pool.id().value(),
        cycle.acquiredAt(),
        new EventData.PlanCreditsRefreshed(
            pool.id(), pool.member(), cycle.remaining(), arrearsPaid, cycle.expiresAt()));
  }

  static DomainEvent expired(Pool pool, CreditSource source, long credits, Instant at) {
    return new DomainEvent(
        EventType.CREDITS_EXPIRED,
        pool.team(),
        pool.id().value(),
        at,
        new EventData.CreditsExpired(pool.id(), source.id(), source.kind().name(), credits));
  }
}
