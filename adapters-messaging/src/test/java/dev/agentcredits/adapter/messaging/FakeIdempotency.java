package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.in.IdempotencyUseCase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IdempotencyUseCase over a map, with the service's rules; can be told to fail. A batch call fails
 * as a whole, and counts as one call.
 */
final class FakeIdempotency implements IdempotencyUseCase {
  private record Entry(String fingerprint, Integer status, String body) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Deque<RuntimeException> releaseFailures = new ArrayDeque<>();
  private final Deque<RuntimeException> completeFailures = new ArrayDeque<>();
  private final Deque<RuntimeException> claimFailures = new ArrayDeque<>();
  private final List<Integer> claimBatches = new ArrayList<>();

  @Override
  public synchronized Claim claim(String scope, String key, String fingerprint) {
    Entry entry = entries.get(scope + "|" + key);
    if (entry == null) {
      entries.put(scope + "|" + key, new Entry(fingerprint, null, null));
      return new Claim.Proceed();
    }
    if (!entry.fingerprint().equals(fingerprint)) {
      return new Claim.Conflict("the idempotency key was used for a different request");
    }
    if (entry.status() == null) {
      return new Claim.InFlight("a request with this idempotency key is still in flight");
    }
    return new Claim.Replay(entry.status(), entry.body());
  }

  @Override
  public synchronized void complete(String scope, String key, int status, String body) {
    if (!completeFailures.isEmpty()) {
      throw completeFailures.pop();
    }
    Entry entry = entries.get(scope + "|" + key);
    entries.put(scope + "|" + key, new Entry(entry.fingerprint(), status, body));
  }

  @Override
  public synchronized void release(String scope, String key) {
    if (!releaseFailures.isEmpty()) {
      throw releaseFailures.pop();
    }
    entries.remove(scope + "|" + key);
  }

  @Override
  public synchronized List<Claim> claimAll(String scope, List<Request> requests) {
    if (!claimFailures.isEmpty()) {
      throw claimFailures.pop();
    }
    claimBatches.add(requests.size());
    return requests.stream().map(r -> claim(scope, r.key(), r.fingerprint())).toList();
  }

  @Override
  public synchronized void completeAll(String scope, List<Completion> completions) {
    if (!completeFailures.isEmpty()) {
      throw completeFailures.pop();
    }
    completions.forEach(c -> complete(scope, c.key(), c.status(), c.body()));
  }

  @Override
  public synchronized void releaseAll(String scope, List<String> keys) {
    if (!releaseFailures.isEmpty()) {
      throw releaseFailures.pop();
    }
    keys.forEach(key -> release(scope, key));
  }

  /** The size of each claimAll call so far. */
  synchronized List<Integer> claimBatches() {
    return List.copyOf(claimBatches);
  }

  synchronized void failNextClaimAll(RuntimeException e) {
    claimFailures.add(e);
  }

  synchronized void failNextRelease(RuntimeException e) {
    releaseFailures.add(e);
  }

  synchronized void failNextComplete(RuntimeException e) {
    completeFailures.add(e);
  }

  synchronized String storedBody(String scope, String key) {
    Entry entry = entries.get(scope + "|" + key);
    return entry == null ? null : entry.body();
  }
}
