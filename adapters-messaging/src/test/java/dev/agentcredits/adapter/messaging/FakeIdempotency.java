package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.idempotency.Idempotency;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The application's idempotency over a map: a store and a transaction runner that counts the claims
 * of each transaction, and can be told to fail. Keys are as the application scopes them: {@code
 * integration|<command_id>} under the command's name.
 */
final class FakeIdempotency implements IdempotencyStore, TransactionRunner {
  private record Entry(String fingerprint, Object outcome) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Set<String> inFlight = new HashSet<>();
  private final Deque<RuntimeException> releaseFailures = new ArrayDeque<>();
  private final Deque<RuntimeException> completeFailures = new ArrayDeque<>();
  private final Deque<RuntimeException> claimFailures = new ArrayDeque<>();
  private final List<Integer> claimBatches = new ArrayList<>();
  private int claimsInTransaction;

  private final Idempotency idempotency = new Idempotency(this, this, Clock.systemUTC());

  Idempotency idempotency() {
    return idempotency;
  }

  @Override
  public synchronized <T> T inTransaction(Supplier<T> work) {
    claimsInTransaction = 0;
    try {
      return work.get();
    } finally {
      if (claimsInTransaction > 0) {
        claimBatches.add(claimsInTransaction);
      }
    }
  }

  @Override
  public synchronized Optional<IdempotencyRecord> claim(
      String scope, String key, String fingerprint, Instant now, Class<?> valueType) {
    if (claimsInTransaction++ == 0 && !claimFailures.isEmpty()) {
      throw claimFailures.pop();
    }
    if (inFlight.contains(scope + "|" + key)) {
      return Optional.of(new IdempotencyRecord(fingerprint, now, null));
    }
    Entry entry = entries.get(scope + "|" + key);
    if (entry == null) {
      entries.put(scope + "|" + key, new Entry(fingerprint, null));
      return Optional.empty();
    }
    return Optional.of(new IdempotencyRecord(entry.fingerprint(), now, entry.outcome()));
  }

  @Override
  public synchronized void complete(String scope, String key, Object outcome) {
    if (!completeFailures.isEmpty()) {
      throw completeFailures.pop();
    }
    Entry entry = entries.get(scope + "|" + key);
    entries.put(scope + "|" + key, new Entry(entry.fingerprint(), outcome));
  }

  @Override
  public synchronized void release(String scope, String key) {
    if (!releaseFailures.isEmpty()) {
      throw releaseFailures.pop();
    }
    entries.remove(scope + "|" + key);
  }

  @Override
  public int purgeCreatedBefore(Instant cutoff) {
    return 0;
  }

  /** The number of keys claimed by each transaction that claimed any. */
  synchronized List<Integer> claimBatches() {
    return List.copyOf(claimBatches);
  }

  /** The command id is claimed by a request still running (or crashed), whatever it asks. */
  synchronized void holdInFlight(CommandKind kind, String commandId) {
    inFlight.add(kind.wireName() + "|integration|" + commandId);
  }

  synchronized void failNextClaims(RuntimeException e) {
    claimFailures.add(e);
  }

  synchronized void failNextRelease(RuntimeException e) {
    releaseFailures.add(e);
  }

  synchronized void failNextComplete(RuntimeException e) {
    completeFailures.add(e);
  }

  synchronized Outcome<?> storedOutcome(CommandKind kind, String commandId) {
    Entry entry = entries.get(kind.wireName() + "|integration|" + commandId);
    return entry == null ? null : (Outcome<?>) entry.outcome();
  }
}
