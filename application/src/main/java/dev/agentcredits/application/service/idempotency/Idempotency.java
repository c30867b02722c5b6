package dev.agentcredits.application.service.idempotency;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.IdempotencyStore.IdempotencyRecord;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * DOMAIN.md rule 18, once for every use case that takes a client's key: the first request under a
 * key runs and its outcome is kept; the same request again is answered that outcome, marked
 * replayed; another request under the key is a conflict, and so is the same one while the first is
 * still being answered ({@link Refusal.InFlight}). A key belongs to its caller and to one {@link
 * Operation}, which says which outcomes are kept; after any other the key is given up.
 *
 * <p>The claim, the work and the keeping are separate transactions, since the work may be several
 * (a payment between two) or share one with other requests. A failed store leaves the key claimed:
 * this instance does what was left undone before it claims the key again ({@link Owed}); elsewhere
 * the claim lapses after {@link IdempotencyStore#ABANDONED_AFTER}, and a retry that runs again
 * makes no second effect, since runs, purchases and usage carry their own keys.
 */
public final class Idempotency {
  static final Refusal KEY_REUSED =
      Refusal.conflict("the idempotency key was used for a different request");
  static final Refusal IN_FLIGHT =
      new Refusal.InFlight("a request with this idempotency key is still in flight");

  private final IdempotencyStore store;
  private final TransactionRunner tx;
  private final Clock clock;
  private final Owed owed;

  public Idempotency(IdempotencyStore store, TransactionRunner tx, Clock clock) {
    this.store = store;
    this.tx = tx;
    this.clock = clock;
    this.owed = new Owed(store, tx);
  }

  /** Runs {@code work} once per key; a request without a key runs unprotected. */
  <C, V> Outcome<V> once(Operation<V> operation, Keyed<C> request, Function<C, Outcome<V>> work) {
    return onceEach(operation, List.of(request), commands -> List.of(work.apply(commands.get(0))))
        .get(0);
  }

  /**
   * {@link #once} for requests with distinct keys, with one transaction per step instead of one per
   * request: claim them all, run the ones that proceed through one call of {@code work} (one
   * outcome per command, in order), keep their outcomes. One outcome per request, in order.
   */
  <C, V> List<Outcome<V>> onceEach(
      Operation<V> operation, List<Keyed<C>> requests, Function<List<C>, List<Outcome<V>>> work) {
    String scope = operation.name();
    List<String> keys = requests.stream().map(Keyed::scopedKey).toList();
    requireDistinct(keys);
    keys.stream().filter(Objects::nonNull).forEach(key -> owed.settle(scope, key));
    List<Outcome<V>> answers = claim(operation, requests, keys);
    List<Integer> proceeding =
        IntStream.range(0, answers.size()).filter(i -> answers.get(i) == null).boxed().toList();
    if (proceeding.isEmpty()) {
      return answers;
    }
    List<String> claimed = proceeding.stream().map(keys::get).filter(Objects::nonNull).toList();
    List<Outcome<V>> outcomes;
    try {
      outcomes = work.apply(proceeding.stream().map(i -> requests.get(i).command()).toList());
      if (outcomes.size() != proceeding.size()) {
        throw new IllegalStateException(
            outcomes.size() + " outcomes for " + proceeding.size() + " requests");
      }
    } catch (RuntimeException | Error e) {
      giveUp(scope, claimed, e);
      throw e;
    }
    Map<String, Outcome<V>> settled = new HashMap<>();
    for (int j = 0; j < proceeding.size(); j++) {
      answers.set(proceeding.get(j), outcomes.get(j));
      String key = keys.get(proceeding.get(j));
      if (key != null) {
        settled.put(key, outcomes.get(j));
      }
    }
    keep(operation, settled);
    return answers;
  }

  /**
   * The answer to each request that may not proceed, null for the others. Keys are claimed in key
   * order, whatever the order of the requests, so that two instances claiming overlapping batches
   * take the keys' row locks in the same order and cannot deadlock.
   */
  private <V> List<Outcome<V>> claim(
      Operation<V> operation, List<? extends Keyed<?>> requests, List<String> keys) {
    List<Integer> keyed =
        IntStream.range(0, keys.size())
            .filter(i -> keys.get(i) != null)
            .boxed()
            .sorted(Comparator.comparing(keys::get))
            .toList();
    Map<Integer, Optional<IdempotencyRecord>> held =
        keyed.isEmpty()
            ? Map.of()
            : tx.inTransaction(() -> {
              Map<Integer, Optional<IdempotencyRecord>> found = new HashMap<>();
              for (int i : keyed) {
                String fingerprint = requests.get(i).fingerprint();
                found.put(
                    i,
                    store.claim(
                        operation.name(),
                        keys.get(i),
                        fingerprint,
                        clock.instant(),
                        operation.valueType()));
              }
              return found;
            });
    List<Outcome<V>> answers = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      Optional<IdempotencyRecord> record = held.getOrDefault(i, Optional.empty());
      answers.add(record.isEmpty() ? null : answer(record.get(), requests.get(i).fingerprint()));
    }
    return answers;
  }

  private static <V> Outcome<V> answer(IdempotencyRecord record, String fingerprint) {
    if (!record.fingerprint().equals(fingerprint)) {
      return Outcome.refused(KEY_REUSED);
    }
    if (!record.isComplete()) {
      return Outcome.refused(IN_FLIGHT);
    }
    @SuppressWarnings("unchecked") // the store gives back what this operation kept
    Outcome<V> kept = (Outcome<V>) record.outcome();
    return kept.asReplay();
  }

  /** Keeps the outcomes that recorded something and gives the other keys up, in one transaction. */
  private <V> void keep(Operation<V> operation, Map<String, Outcome<V>> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    String scope = operation.name();
    try {
      tx.inTransaction(() -> {
        outcomes.forEach((key, outcome) -> {
          if (operation.kept().test(outcome)) {
            store.complete(scope, key, outcome);
          } else {
            store.release(scope, key);
          }
        });
        return null;
      });
    } catch (RuntimeException e) {
      // The work is done and its outcome is the answer; the store is told later.
      outcomes.forEach((key, outcome) -> {
        if (operation.kept().test(outcome)) {
          owed.keep(scope, key, outcome);
        } else {
          owed.release(scope, key);
        }
      });
    }
  }

  /**
   * Gives the keys up after a failure of the work, so that a retry may run. When the store is down,
   * asking it again would make the caller wait a second time before hearing so: the keys are owed
   * instead.
   */
  private void giveUp(String scope, List<String> keys, Throwable failure) {
    if (keys.isEmpty()) {
      return;
    }
    if (!unavailable(failure)) {
      try {
        tx.inTransaction(() -> {
          keys.forEach(key -> store.release(scope, key));
          return null;
        });
        return;
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    keys.forEach(key -> owed.release(scope, key));
  }

  private static boolean unavailable(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof ResourceUnavailableException) {
        return true;
      }
    }
    return false;
  }

  private static void requireDistinct(List<String> keys) {
    List<String> given = keys.stream().filter(Objects::nonNull).toList();
    if (new HashSet<>(given).size() != given.size()) {
      throw new IllegalArgumentException("the keys of a batch must be distinct");
    }
  }
}
