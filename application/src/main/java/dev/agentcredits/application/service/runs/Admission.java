package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Directory;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.runs.AdmissionAttempt.Attempt;
import dev.agentcredits.application.service.runs.AdmissionAttempt.Request;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.List;

/**
 * Places a run's start hold (DOMAIN.md rules 1, 2, 6): a locked attempt on the pool; when the pool
 * is short and auto-reload may help, a reload outside the lock and another attempt; else the run is
 * stored FAILED with everything the refusal must say.
 */
public final class Admission {
  /** Waits for another request's reload before answering IN_FLIGHT. */
  private static final int MAX_WAITS = 8;

  /** A safety net only: each reload raises the month's spend, so the cap ends the loop first. */
  private static final int MAX_RELOADS = 1_000;

  private final TransactionRunner tx;
  private final AutoReloader reloader;
  private final Directory directory;
  private final AdmissionBatch batch;

  /**
   * Admissions share transactions across pools: a pool's requests always queue in the same one of
   * these lanes, and a batch locks its pools in id order. A few lanes rather than one, so that
   * several batches are at the database at once.
   */
  static final int LANES = 4;

  private final Lanes<Integer, Request, Attempt> lanes;

  public Admission(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      BatchWriter batches,
      SpendStore spending,
      TransactionRunner tx,
      AutoReloader reloader,
      Directory directory,
      BillingTerms terms,
      Clock clock) {
    this.tx = tx;
    this.reloader = reloader;
    this.directory = directory;
    var decision = new AdmissionDecision(teams, runs, spending, terms);
    this.batch = new AdmissionBatch(teams, pools, runs, batches, tx, decision, terms, clock);
    this.lanes = new Lanes<>(batch::attempt);
  }

  public Outcome<RunView> admit(RunDraft draft, Team team, BilledPool billed) {
    AutoReloadState lastReload = null;
    int waits = 0;
    int reloads = 0;
    while (true) {
      AutoReloadState verdict =
          lastReload == null && (waits >= MAX_WAITS || reloads >= MAX_RELOADS)
              ? AutoReloadState.IN_FLIGHT
              : lastReload;
      Request request = new Request(draft, team, billed, verdict);
      Attempt result =
          batchable(request)
              ? lanes.submit(lane(billed.poolId()), request)
              : tx.inTransaction(() -> batch.attempt(List.of(request)).get(0));
      switch (result) {
        case Attempt.Accepted accepted -> {
          if (accepted.topUp()) {
            reloader.reload(billed.poolId());
          }
          return Outcome.ok(Views.run(accepted.run()));
        }
        case Attempt.Answered answered -> {
          return answered.outcome();
        }
        case Attempt.TeamChanged changed -> {
          directory.forget(team.id());
          return Outcome.refused(
              Refusal.conflict(
                  "the team's plan or owner changed during admission; submit the task again"));
        }
        case Attempt.NeedsReload needs -> {
          switch (reloader.reload(billed.poolId())) {
            case AutoReloader.Result.Bought b -> {
              reloads++;
              waits = 0;
            }
            case AutoReloader.Result.InFlight f -> Pause.briefly(++waits);
            case AutoReloader.Result.Refused r ->
                lastReload = AdmissionDecision.stateAfter(r.reason());
          }
        }
      }
    }
  }

  private static int lane(PoolId pool) {
    return Math.floorMod(pool.value().hashCode(), LANES);
  }

  /**
   * New submissions on their first try, keyed or not, share a transaction with others for the same
   * lane; retries and second tries after a reload go alone. A batch that fails is tried again one
   * request at a time ({@link Lanes}), so one request's failure (say, a request key that another
   * instance has just used) never fails another's.
   */
  private static boolean batchable(Request request) {
    return !request.draft().stored() && request.verdict() == null;
  }
}
