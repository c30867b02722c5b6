package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.runs.AdmissionAttempt.Attempt;
import dev.agentcredits.application.service.runs.AdmissionAttempt.Decided;
import dev.agentcredits.application.service.runs.AdmissionAttempt.Request;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One locked transaction for a batch of admission requests, for one pool or several: each pool's
 * requests decided in turn against the pool the previous one left, all written together (DOMAIN.md
 * rule 2).
 */
final class AdmissionBatch {
  private final TeamStore teams;
  private final PoolStore pools;
  private final RunStore runs;
  private final BatchWriter batches;
  private final TransactionRunner tx;
  private final AdmissionDecision decision;
  private final BillingTerms terms;
  private final Clock clock;

  AdmissionBatch(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      TransactionRunner tx,
      AdmissionDecision decision,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.runs = runs;
    this.batches = batches;
    this.tx = tx;
    this.decision = decision;
    this.terms = terms;
    this.clock = clock;
  }

  /**
   * Locks each pool of the batch once, in the order of their ids (so that batches never deadlock),
   * and decides its requests in turn against the pool the previous one left; all is written
   * together. One result per request, in order.
   */
  List<Attempt> attempt(List<Request> requests) {
    return tx.inTransaction(() -> {
      List<Request> batch = requests;
      if (batch.get(0).draft().stored()) {
        Request retry = lockedRetry(batch.get(0));
        if (retry == null) {
          return List.<Attempt>of(
              new Attempt.Answered(
                  Outcome.refused(
                      Refusal.conflict("the task is being retried by another request"))));
        }
        batch = List.of(retry);
      }
      PoolChanges changes = new PoolChanges(pools, batches, terms, clock.instant());
      Attempt[] attempts = new Attempt[batch.size()];
      List<RunStore.NewRun> fresh = new ArrayList<>();
      Map<TeamId, Team> current = new HashMap<>();
      for (List<Integer> group : byPool(batch).values()) {
        decidePool(batch, group, current, changes, attempts, fresh);
      }
      // Deferred with the pools' writes: a key another instance has just used fails the commit,
      // and Lanes then tries each request alone.
      runs.insertAll(fresh);
      changes.flush();
      return List.of(attempts);
    });
  }

  /**
   * A retry goes alone. Its run is decided as locked now: usage may have been charged to the FAILED
   * run since the caller read it, and that charge must not be written over. Null: another request
   * is retrying it.
   */
  private Request lockedRetry(Request request) {
    Run locked = runs.lock(request.draft().template().id()).orElseThrow();
    if (locked.state() != RunState.FAILED) {
      return null;
    }
    return new Request(RunDraft.retry(locked), request.team(), request.billed(), request.verdict());
  }

  /** The positions of the requests, by billed pool, pools in the order of their ids. */
  private static Map<PoolId, List<Integer>> byPool(List<Request> batch) {
    Map<PoolId, List<Integer>> groups = new TreeMap<>(Comparator.comparing(PoolId::value));
    for (int i = 0; i < batch.size(); i++) {
      groups.computeIfAbsent(batch.get(i).billed().poolId(), p -> new ArrayList<>()).add(i);
    }
    return groups;
  }

  private void decidePool(
      List<Request> batch,
      List<Integer> group,
      Map<TeamId, Team> current,
      PoolChanges changes,
      Attempt[] attempts,
      List<RunStore.NewRun> fresh) {
    List<Request> requests = group.stream().map(batch::get).toList();
    Request first = requests.get(0);
    // Read in the batch's transaction, once per team: the spend cap and the plan as committed
    // now, whatever the callers resolved the billed pool with.
    Team team = current.computeIfAbsent(first.team().id(), id -> teams.find(id).orElseThrow());
    Pool pool = changes.lockCurrent(first.billed().poolId(), team.plan());
    // The runs earlier requests under these keys made, in one look-up for the pool's requests;
    // a key a request of this same batch used is answered from the run that request made.
    Map<String, Run> byKey = new HashMap<>(runs.findByRequestKeys(team.id(), freshKeys(requests)));
    for (int i = 0; i < requests.size(); i++) {
      Request request = requests.get(i);
      String key = request.draft().stored() ? null : request.draft().requestKey();
      Run earlier = key == null ? null : byKey.get(key);
      Decided decided = decision.decide(request, team, pool, changes, earlier);
      attempts[group.get(i)] = decided.attempt();
      pool = decided.pool();
      decided
          .freshRun()
          .ifPresent(run -> {
            fresh.add(new RunStore.NewRun(run, key));
            if (key != null) {
              byKey.put(key, run);
            }
          });
    }
  }

  private static Set<String> freshKeys(List<Request> batch) {
    Set<String> keys = new HashSet<>();
    for (Request request : batch) {
      if (!request.draft().stored() && request.draft().requestKey() != null) {
        keys.add(request.draft().requestKey());
      }
    }
    return keys;
  }
}
