package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A pool being changed: mutable scratch state that ends as an immutable {@link PoolTransition}. */
final class PoolWork {
  private final Pool start;
  private final List<CreditSource> sources;
  private final List<Posting> postings = new ArrayList<>();
  private final List<DomainEvent> events = new ArrayList<>();
  private long arrears;
  private Instant cycleStart;

  PoolWork(Pool start) {
    this.start = start;
    this.sources = new ArrayList<>(start.sources());
    this.arrears = start.arrears();
    this.cycleStart = start.cycleStart();
  }

  static ReserveOutcome reserve(Pool pool, RunId run, long credits, Instant now) {
    requirePositive(credits);
    PoolWork work = new PoolWork(pool);
    if (pool.arrears() > 0 || work.liveFree(now) < credits) {
      List<CreditSource> tried = pool.sources().stream().filter(s -> !s.isExpiredAt(now)).toList();
      return new ReserveOutcome.Short(credits, pool.balances(), tried);
    }
    List<Reservation> taken = work.draw(credits, PostingKind.RESERVED, run, null, now);
    return new ReserveOutcome.Reserved(work.finish(), new Hold(taken));
  }

  static PoolTransition release(Pool pool, RunId run, Hold hold, Instant now) {
    PoolWork work = new PoolWork(pool);
    for (Reservation reservation : hold.reservations()) {
      CreditSource source =
          work.move(
              reservation.source(), PostingKind.RELEASED, reservation.credits(), run, null, now);
      if (source.isExpiredAt(now)) {
        work.move(source.id(), PostingKind.EXPIRED, reservation.credits(), run, null, now);
        work.events.add(PoolEvents.expired(pool, source, reservation.credits(), now));
      }
    }
    work.settleArrears(null, now);
    return work.finish();
  }

  static PoolTransition credit(Pool pool, CreditSource source, String reference, Instant now) {
    PoolWork work = new PoolWork(pool);
    work.addSource(source, reference, now);
    return work.finish();
  }

  /** Records what no source could pay as arrears (DOMAIN.md rule 5). */
  void incurArrears(long credits, RunId run, String reference, Instant at) {
    arrears += credits;
    postings.add(
        new Posting(
            start.id(), PostingKind.ARREARS_INCURRED, credits, null, null, run, reference, at));
  }

  /** Adds a source and returns how much of it went to arrears. */
  long addSource(CreditSource source, String reference, Instant at) {
    if (source.reserved() != 0 || source.remaining() <= 0) {
      throw new IllegalArgumentException("a new source arrives with credits and nothing held");
    }
    if (sources.stream().anyMatch(s -> s.id().equals(source.id()))) {
      throw new IllegalArgumentException("source " + source.id() + " is already in the pool");
    }
    sources.add(source.withAmounts(0, 0));
    sources.sort(Waterfall.ORDER);
    move(source.id(), PostingKind.CREDITED, source.remaining(), null, reference, at);
    return settleArrears(reference, at);
  }

  /**
   * Receives {@code credits} of another pool's lot under the lot's own id and expiry (rule 22);
   * arrears are paid from them first, as from any credits that reach the pool.
   */
  void receive(CreditSource lot, long credits, String reference, Instant at) {
    requirePositive(credits);
    if (sources.stream().noneMatch(s -> s.id().equals(lot.id()))) {
      sources.add(lot.withAmounts(0, 0));
      sources.sort(Waterfall.ORDER);
    }
    move(lot.id(), PostingKind.TRANSFERRED_IN, credits, null, reference, at);
    settleArrears(reference, at);
  }

  /** Pays arrears from live credits: they come first out of whatever reaches the pool. */
  long settleArrears(String reference, Instant at) {
    if (arrears == 0) {
      return 0;
    }
    long paid =
        sum(
            draw(
                Math.min(arrears, liveFree(at)), PostingKind.ARREARS_SETTLED, null, reference, at));
    arrears -= paid;
    return paid;
  }

  /** Expires the free part of every source whose end has come by {@code at}. */
  void expireDue(Instant at) {
    for (CreditSource source : List.copyOf(sources)) {
      if (source.isExpiredAt(at) && source.free() > 0) {
        move(source.id(), PostingKind.EXPIRED, source.free(), null, null, source.expiresAt());
        events.add(PoolEvents.expired(start, source, source.free(), source.expiresAt()));
      }
    }
  }

  void startCycle(Instant at) {
    cycleStart = at;
  }

  Instant cycleStart() {
    return cycleStart;
  }

  List<CreditSource> sources() {
    return sources;
  }

  void raise(DomainEvent event) {
    events.add(event);
  }

  long liveFree(Instant now) {
    return sources.stream().filter(s -> !s.isExpiredAt(now)).mapToLong(CreditSource::free).sum();
  }

  List<Reservation> draw(long amount, PostingKind kind, RunId run, String reference, Instant now) {
    List<Reservation> taken = new ArrayList<>();
    long due = amount;
    for (CreditSource source : List.copyOf(sources)) {
      if (due == 0) {
        break;
      }
      long take = source.isExpiredAt(now) ? 0 : Math.min(due, source.free());
      if (take > 0) {
        move(source.id(), kind, take, run, reference, now);
        taken.add(new Reservation(source.id(), source.kind(), take));
        due -= take;
      }
    }
    return taken;
  }

  CreditSource move(
      SourceId id, PostingKind kind, long credits, RunId run, String reference, Instant at) {
    int index = indexOf(id);
    CreditSource source = sources.get(index);
    CreditSource moved =
        source.withAmounts(
            source.remaining() + kind.remainingSign() * credits,
            source.reserved() + kind.reservedSign() * credits);
    sources.set(index, moved);
    postings.add(new Posting(start.id(), kind, credits, id, source.kind(), run, reference, at));
    return moved;
  }

  /** The source with that id, as changed so far. */
  CreditSource source(SourceId id) {
    return sources.get(indexOf(id));
  }

  private int indexOf(SourceId id) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("pool " + start.id() + " has no source " + id);
  }

  PoolTransition finish() {
    List<CreditSource> kept = sources.stream().filter(s -> s.remaining() > 0).toList();
    Pool pool =
        new Pool(
            start.id(),
            start.kind(),
            start.team(),
            start.member(),
            start.cycleAnchor(),
            cycleStart,
            arrears,
            kept,
            start.autoReload(),
            start.reloadInFlight(),
            start.closedAt());
    return new PoolTransition(pool, postings, events);
  }

  static long sum(List<Reservation> reservations) {
    return reservations.stream().mapToLong(Reservation::credits).sum();
  }

  static void requirePositive(long credits) {
    if (credits <= 0) {
      throw new IllegalArgumentException("credits must be at least 1");
    }
  }
}
