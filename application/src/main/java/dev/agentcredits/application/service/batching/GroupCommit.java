package dev.agentcredits.application.service.batching;

import dev.agentcredits.application.port.out.ResourceUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Group commit per lane (a pool, say). Requests for one lane queue up in it; whichever caller finds
 * the lane idle becomes its leader and hands the queued requests, up to {@link #MAX_BATCH} at a
 * time, to one call of the work (one transaction, one row lock), then gives each request its own
 * result. A hot pool then pays for its lock once per batch instead of once per request; across
 * service instances the pool's row lock still orders the batches, so nothing here is needed for
 * correctness, only for speed. A batch whose work fails is tried again one request at a time.
 */
public final class GroupCommit<K, T, R> {
  static final int MAX_BATCH = 128;
  private static final long WAIT_NANOS = 1_000_000;

  private final Function<List<T>, List<R>> work;
  private final ConcurrentHashMap<K, Lane<T, R>> lanes = new ConcurrentHashMap<>();

  /** {@code work} answers one result per item, in order, or throws for the whole batch. */
  public GroupCommit(Function<List<T>, List<R>> work) {
    this.work = work;
  }

  public R submit(K key, T item) {
    Lane<T, R> lane = lanes.computeIfAbsent(key, id -> new Lane<>());
    Ticket<T, R> ticket = new Ticket<>(item, Thread.currentThread());
    lane.queue.add(ticket);
    while (!ticket.isDone()) {
      if (lane.leading.compareAndSet(false, true)) {
        try {
          lead(lane, ticket);
        } finally {
          lane.leading.set(false);
        }
        wakeNext(lane);
      } else {
        LockSupport.parkNanos(this, WAIT_NANOS);
      }
    }
    return ticket.get();
  }

  /** Works off batches until this caller's own request is answered. */
  private void lead(Lane<T, R> lane, Ticket<T, R> own) {
    while (!own.isDone()) {
      List<Ticket<T, R>> batch = new ArrayList<>();
      for (Ticket<T, R> next; batch.size() < MAX_BATCH && (next = lane.queue.poll()) != null; ) {
        batch.add(next);
      }
      if (batch.isEmpty()) {
        return;
      }
      try {
        List<R> results = work.apply(batch.stream().map(Ticket::item).toList());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).complete(results.get(i), null);
        }
      } catch (ResourceUnavailableException e) {
        // The database is away (or busy beyond the runner's retries): asking it again for each
        // request would only make every caller wait longer for the same answer. The requests that
        // queued while this batch waited get it too, at once, instead of waiting as long again.
        batch.forEach(t -> t.complete(null, e));
        for (Ticket<T, R> queued; (queued = lane.queue.poll()) != null; ) {
          queued.complete(null, e);
        }
      } catch (RuntimeException | Error e) {
        if (batch.size() == 1) {
          batch.getFirst().complete(null, e);
        } else {
          oneByOne(batch);
        }
      }
    }
  }

  /**
   * After a batch failed (its transaction rolled back), each request is tried in a transaction of
   * its own: only the request that caused the failure gets it.
   */
  private void oneByOne(List<Ticket<T, R>> batch) {
    for (Ticket<T, R> ticket : batch) {
      try {
        ticket.complete(work.apply(List.of(ticket.item())).getFirst(), null);
      } catch (RuntimeException | Error e) {
        ticket.complete(null, e);
      }
    }
  }

  /** Hands the lane to a waiting caller at once instead of letting it notice on its own. */
  private void wakeNext(Lane<T, R> lane) {
    Ticket<T, R> next = lane.queue.peek();
    if (next != null) {
      LockSupport.unpark(next.waiter);
    }
  }

  private static final class Lane<T, R> {
    final Queue<Ticket<T, R>> queue = new ConcurrentLinkedQueue<>();
    final AtomicBoolean leading = new AtomicBoolean();
  }

  private static final class Ticket<T, R> {
    private final T item;
    private final Thread waiter;
    private volatile boolean done;
    private R result;
    private Throwable failure;

    Ticket(T item, Thread waiter) {
      this.item = item;
      this.waiter = waiter;
    }

    T item() {
      return item;
    }

    boolean isDone() {
      return done;
    }

    void complete(R value, Throwable error) {
      result = value;
      failure = error;
      done = true;
      LockSupport.unpark(waiter);
    }

    R get() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return result;
    }
  }
}
