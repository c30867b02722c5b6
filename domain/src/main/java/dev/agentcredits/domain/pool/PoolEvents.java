package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import java.time.Instant;
import java.util.Locale;

/** The events time raises on a pool. */
final class PoolEvents {
  private PoolEvents() {}

  static DomainEvent refreshed(Pool pool, CreditSource cycle, long arrearsPaid) {
    return DomainEvent.of(
            EventType.PLAN_CREDITS_REFRESHED, pool.team(), pool.id().value(), cycle.acquiredAt())
        .with("pool_id", pool.id().value())
        .with("member_id", pool.member() == null ? null : pool.member().value())
        .with("credits", cycle.remaining())
        .with("arrears_paid", arrearsPaid)
        .with("cycle_ends_at", cycle.expiresAt().toString())
        .build();
  }

  static DomainEvent expired(Pool pool, CreditSource source, long credits, Instant at) {
    return DomainEvent.of(EventType.CREDITS_EXPIRED, pool.team(), pool.id().value(), at)
        .with("pool_id", pool.id().value())
        .with("source_id", source.id().value())
        .with("source_kind", source.kind().name().toLowerCase(Locale.ROOT))
        .with("credits", credits)
        .build();
  }
}
