package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.LedgerStore;
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
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One locked transaction on a pool: a batch of admission requests for that pool, decided in turn
 * against the pool the previous one left, written together (DOMAIN.md rule 2).
 */
final class AdmissionBatch {
  private final TeamStore teams;
  private final PoolStore pools;
  private final RunStore runs;
  private final LedgerStore ledger;
  private final EventOutbox outbox;
  private final TransactionRunner tx;
  private final AdmissionDecision decision;
  private final BillingTerms terms;
  private final Clock clock;

  AdmissionBatch(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      LedgerStore ledger,
      EventOutbox outbox,
      TransactionRunner tx,
      AdmissionDecision decision,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.runs = runs;
    this.ledger = ledger;
    this.outbox = outbox;
    this.tx = tx;
    this.decision = decision;
    this.terms = terms;
    this.clock = clock;
  }

  /** Locks the pool once and decides each request in turn against the pool the previous left. */
  List<Attempt> attempt(List<Request> requests) {
    return tx.inTransaction(() -> {
      List<Request> batch = requests;
      Request first = batch.get(0);
      if (first.draft().stored()) {
        // A retry goes alone. Its run is decided as locked now: usage may have been charged to
        // the FAILED run since the caller read it, and that charge must not be written over.
        Run locked = runs.lock(first.draft().template().id()).orElseThrow();
        if (locked.state() != RunState.FAILED) {
          return List.<Attempt>of(
              new Attempt.Answered(
                  Outcome.refused(
                      Refusal.conflict("the task is being retried by another request"))));
        }
        first = new Request(RunDraft.retry(locked), first.team(), first.billed(), first.verdict());
        batch = List.of(first);
      }
      PoolChanges changes = new PoolChanges(pools, ledger, outbox, terms, clock.instant());
      // Read in the batch's transaction, once (a pool belongs to one team): the spend cap and the
      // plan as committed now, whatever the callers resolved the billed pool with.
      Team current = teams.find(first.team().id()).orElseThrow();
      Pool pool = changes.lockCurrent(first.billed().poolId(), current.plan());
      // The runs earlier requests under these keys made, in one look-up for the whole batch;
      // a key a request of this same batch used is answered from the run that request made.
      Map<String, Run> byKey =
          new HashMap<>(runs.findByRequestKeys(current.id(), freshKeys(batch)));
      List<Attempt> attempts = new ArrayList<>(batch.size());
      List<RunStore.NewRun> fresh = new ArrayList<>();
      for (Request request : batch) {
        String key = request.draft().stored() ? null : request.draft().requestKey();
        Run earlier = key == null ? null : byKey.get(key);
        Decided decided = decision.decide(request, current, pool, changes, earlier);
        attempts.add(decided.attempt());
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
      // Deferred with the pool's writes: a key another instance has just used fails the commit,
      // and Lanes then tries each request alone.
      runs.insertAll(fresh);
      changes.flush();
      return attempts;
    });
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
