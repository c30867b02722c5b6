package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.principal.PoolKind;
import dev.agentcredits.domain.shared.SourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Replays what time did to a pool: each 30-day refresh and each expiry at the moment it fell due,
 * so arrears are paid by the refresh that really came first.
 */
final class PoolTimeline {
  private final Pool pool;
  private final long includedPerCycle;
  private final Duration cycleLength;

  PoolTimeline(Pool pool, long includedPerCycle, Duration cycleLength) {
    this.pool = pool;
    this.includedPerCycle = includedPerCycle;
    this.cycleLength = cycleLength;
  }

  PoolTransition advanceTo(Instant now) {
    PoolWork work = new PoolWork(pool);
    while (true) {
      Optional<Instant> refresh = nextRefresh(work).filter(t -> !t.isAfter(now));
      Optional<Instant> expiry = nextExpiry(work).filter(t -> !t.isAfter(now));
      if (expiry.isPresent() && (refresh.isEmpty() || !expiry.get().isAfter(refresh.get()))) {
        work.expireDue(expiry.get());
      } else if (refresh.isPresent()) {
        refreshAt(work, refresh.get());
      } else {
        return work.finish();
      }
    }
  }

  private void refreshAt(PoolWork work, Instant cycleStart) {
    work.startCycle(cycleStart);
    if (includedPerCycle <= 0) {
      return;
    }
    SourceId id = new SourceId("plan:" + pool.id().value() + ":" + cycleStart.getEpochSecond());
    CreditSource cycle =
        new CreditSource(
            id, SourceKind.PLAN, includedPerCycle, 0, cycleStart, cycleStart.plus(cycleLength));
    long arrearsPaid = work.addSource(cycle, id.value(), cycleStart);
    work.raise(PoolEvents.refreshed(pool, cycle, arrearsPaid));
  }

  private Optional<Instant> nextRefresh(PoolWork work) {
    if (pool.kind() != PoolKind.MEMBER || pool.isClosed()) {
      return Optional.empty();
    }
    Instant last = work.cycleStart();
    return Optional.of(last == null ? pool.cycleAnchor() : last.plus(cycleLength));
  }

  private static Optional<Instant> nextExpiry(PoolWork work) {
    return work.sources().stream()
        .filter(s -> s.free() > 0)
        .map(CreditSource::expiresAt)
        .min(Instant::compareTo);
  }
}
