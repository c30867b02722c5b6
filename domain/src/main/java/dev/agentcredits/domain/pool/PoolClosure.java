package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import java.time.Instant;
import java.util.List;

/**
 * DOMAIN.md rule 22: a removed member's pool closes. The free part of its plan credits ends (an
 * {@code EXPIRED} posting); the free part of each add-on lot moves to the owner's pool ({@code
 * TRANSFERRED_OUT} here, {@code TRANSFERRED_IN} there, the lot keeping its expiry). What open runs
 * hold stays in the closed pool until they settle; what they give back is swept the same way.
 */
public final class PoolClosure {
  /** The reference the closure's postings carry. */
  public static final String REASON = "member_removed";

  private PoolClosure() {}

  /** Both pools after the closure, and how many credits ended and moved. */
  public record Result(
      PoolTransition member, PoolTransition owner, long planCreditsEnded, long transferred) {}

  /** Closes (or sweeps again) the member's pool into the owner's; both must be current. */
  public static Result close(Pool member, Pool owner, Instant now) {
    if (member.id().equals(owner.id())) {
      throw new IllegalArgumentException("the owner's pool cannot be closed into itself");
    }
    Pool closing =
        new Pool(
            member.id(),
            member.kind(),
            member.team(),
            member.member(),
            member.cycleAnchor(),
            member.cycleStart(),
            member.arrears(),
            member.sources(),
            member.autoReload(),
            member.reloadInFlight(),
            member.isClosed() ? member.closedAt() : now);
    PoolWork from = new PoolWork(closing);
    PoolWork to = new PoolWork(owner);
    long ended = 0;
    long moved = 0;
    for (CreditSource source : List.copyOf(from.sources())) {
      long free = source.free();
      if (free <= 0) {
        continue;
      }
      if (source.kind() == SourceKind.PLAN) {
        from.move(source.id(), PostingKind.EXPIRED, free, null, REASON, now);
        ended += free;
      } else {
        from.move(source.id(), PostingKind.TRANSFERRED_OUT, free, null, REASON, now);
        to.receive(source, free, REASON, now);
        moved += free;
      }
    }
    if (moved > 0) {
      to.raise(
          new DomainEvent(
              EventType.CREDITS_TRANSFERRED,
              owner.team(),
              owner.id().value(),
              now,
              new EventData.CreditsTransferred(closing.id(), owner.id(), moved, REASON)));
    }
    return new Result(from.finish(), to.finish(), ended, moved);
  }
}
