package dev.agentcredits.bench;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the driver was told about each usage event it sent, by event number: answered 200 (so it
 * must be charged), refused (any other status), or unknown (the call got no answer at all).
 */
final class UsageTally {
  private final BitSet answered = new BitSet();
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong unknown = new AtomicLong();
  private final AtomicLong next = new AtomicLong();

  /** The numbers of the next {@code count} events, never handed out before. */
  long take(int count) {
    return next.getAndAdd(count);
  }

  /** How many events were numbered so far. */
  long sent() {
    return next.get();
  }

  void answered(long event) {
    synchronized (answered) {
      answered.set(Math.toIntExact(event));
    }
    ok.incrementAndGet();
  }

  void refused(long events) {
    refused.addAndGet(events);
  }

  void unknown(long events) {
    unknown.addAndGet(events);
  }

  long ok() {
    return ok.get();
  }

  long refused() {
    return refused.get();
  }

  long unknown() {
    return unknown.get();
  }

  /** A copy of the events answered 200. */
  BitSet answeredEvents() {
    synchronized (answered) {
      return (BitSet) answered.clone();
    }
  }
}
