package dev.agentcredits.application.service;

import dev.agentcredits.application.port.in.ErrorCode;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.pool.ReserveOutcome;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.refusal.InsufficientCredits;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.spend.AutoReloadPolicy;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Places a run's start hold (DOMAIN.md rules 1, 2, 6): a locked attempt on the pool; when the pool
 * is short and auto-reload may help, a reload outside the lock and another attempt; else the run is
 * stored FAILED with everything the refusal must say.
 */
final class Admission {
  /** Waits for another request's reload before answering IN_FLIGHT. */
  private static final int MAX_WAITS = 8;

  /** A safety net only: each reload raises the month's spend, so the cap ends the loop first. */
  private static final int MAX_RELOADS = 1_000;

  private final Stores stores;
  private final TransactionRunner tx;
  private final AutoReloader reloader;
  private final Directory directory;
  private final BillingTerms terms;
  private final Clock clock;
  private final PoolLanes<Request, Attempt> lanes = new PoolLanes<>(this::attemptBatch);

  Admission(
      Stores stores,
      TransactionRunner tx,
      AutoReloader reloader,
      Directory directory,
      BillingTerms terms,
      Clock clock) {
    this.stores = stores;
    this.tx = tx;
    this.reloader = reloader;
    this.directory = directory;
    this.terms = terms;
    this.clock = clock;
  }

  /** One admission attempt; requests batched together bill the same pool. */
  private record Request(RunDraft draft, Team team, BilledPool billed, AutoReloadState verdict) {}

  private sealed interface Attempt {
    record Accepted(Run run, boolean topUp) implements Attempt {}

    /** Answered without a new hold: refused, or replayed under the request key. */
    record Answered(Outcome<RunView> outcome) implements Attempt {}

    record NeedsReload() implements Attempt {}

    /** The team's plan or owner is no longer the one the billed pool was resolved with. */
    record TeamChanged() implements Attempt {}
  }

  Outcome<RunView> admit(RunDraft draft, Team team, BilledPool billed) {
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
              ? lanes.submit(billed.poolId(), request)
              : tx.inTransaction(() -> attemptBatch(List.of(request)).get(0));
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
              Refusal.of(
                  ErrorCode.CONFLICT,
                  "the team's plan or owner changed during admission; submit the task again"));
        }
        case Attempt.NeedsReload needs -> {
          switch (reloader.reload(billed.poolId())) {
            case AutoReloader.Result.Bought b -> {
              reloads++;
              waits = 0;
            }
            case AutoReloader.Result.InFlight f -> Pause.briefly(++waits);
            case AutoReloader.Result.Refused r -> lastReload = stateAfter(r.reason());
          }
        }
      }
    }
  }

  /**
   * New submissions on their first try, keyed or not, share a transaction with others for the same
   * pool; retries and second tries after a reload go alone. A batch that fails is tried again one
   * request at a time ({@link PoolLanes}), so one request's failure (say, a request key that
   * another instance has just used) never fails another's.
   */
  private static boolean batchable(Request request) {
    return !request.draft().stored() && request.verdict() == null;
  }

  /** Locks the pool once and decides each request in turn against the pool the previous left. */
  private List<Attempt> attemptBatch(List<Request> requests) {
    return tx.inTransaction(() -> {
      List<Request> batch = requests;
      Request first = batch.get(0);
      if (first.draft().stored()) {
        // A retry goes alone. Its run is decided as locked now: usage may have been charged to
        // the FAILED run since the caller read it, and that charge must not be written over.
        Run locked = stores.runs().lock(first.draft().template().id()).orElseThrow();
        if (locked.state() != RunState.FAILED) {
          return List.<Attempt>of(
              new Attempt.Answered(
                  Outcome.refused(
                      Refusal.of(
                          ErrorCode.CONFLICT, "the task is being retried by another request"))));
        }
        first = new Request(RunDraft.retry(locked), first.team(), first.billed(), first.verdict());
        batch = List.of(first);
      }
      PoolChanges changes = new PoolChanges(stores, terms, clock.instant());
      // Read in the batch's transaction, once (a pool belongs to one team): the spend cap and the
      // plan as committed now, whatever the callers resolved the billed pool with.
      Team current = stores.teams().find(first.team().id()).orElseThrow();
      Pool pool = changes.lockCurrent(first.billed().poolId(), current.plan());
      List<Attempt> attempts = new ArrayList<>(batch.size());
      List<Run> fresh = new ArrayList<>();
      List<KeyedRun> keyedFresh = new ArrayList<>();
      for (Request request : batch) {
        Decided decided = decide(request, current, pool, changes);
        attempts.add(decided.attempt());
        pool = decided.pool();
        decided
            .freshRun()
            .ifPresent(run -> {
              if (request.draft().requestKey() == null) {
                fresh.add(run);
              } else {
                keyedFresh.add(new KeyedRun(run, request.draft().requestKey()));
              }
            });
      }
      // A request key is unique: its insert goes at once, so a collision fails here, in this batch.
      for (KeyedRun keyed : keyedFresh) {
        stores.runs().insert(keyed.run(), keyed.requestKey());
      }
      stores.runs().insertAll(fresh);
      changes.flush();
      return attempts;
    });
  }

  private record KeyedRun(Run run, String requestKey) {}

  /** {@code newRun} is the run to insert when the request was a new submission that was decided. */
  private record Decided(Attempt attempt, Pool pool, Run newRun) {
    Decided(Attempt attempt, Pool pool) {
      this(attempt, pool, null);
    }

    java.util.Optional<Run> freshRun() {
      return java.util.Optional.ofNullable(newRun);
    }
  }

  /** One try. {@code verdict} set means auto-reload has had its say: refuse if short. */
  private Decided decide(Request request, Team team, Pool pool, PoolChanges changes) {
    RunDraft draft = request.draft();
    if (team.plan() != request.team().plan() || !team.owner().equals(request.team().owner())) {
      return new Decided(new Attempt.TeamChanged(), pool);
    }
    BilledPool billed = request.billed();
    Run template = draft.template();
    if (!draft.stored() && draft.requestKey() != null) {
      var earlier = stores.runs().findByRequestKey(team.id(), draft.requestKey());
      if (earlier.isPresent()) {
        return new Decided(
            new Attempt.Answered(replay(earlier.get(), request, team, pool, changes)), pool);
      }
    }
    ReserveOutcome outcome = pool.reserve(template.id(), terms.startHold().value(), changes.now());
    if (outcome instanceof ReserveOutcome.Reserved reserved) {
      Pool after = changes.apply(reserved.transition());
      Run run = template.accepted(billed, reserved.hold(), changes.now());
      updateIfStored(draft, run);
      changes.raise(BillingEvents.run(EventType.RUN_ACCEPTED, run, changes.now()));
      changes.raiseAll(BillingEvents.balanceCrossings(pool, after, changes.now()));
      boolean topUp =
          team.plan().allowsAddOns()
              && AutoReloadPolicy.wantsReload(after)
              && !after.isReloadInFlight();
      return new Decided(new Attempt.Accepted(run, topUp), after, draft.stored() ? null : run);
    }
    ReserveOutcome.Short shortfall = (ReserveOutcome.Short) outcome;
    if (request.verdict() == null && team.plan().allowsAddOns() && pool.autoReload().enabled()) {
      return new Decided(new Attempt.NeedsReload(), pool);
    }
    AutoReloadState state =
        request.verdict() != null ? request.verdict() : stateWithoutReload(pool, team);
    InsufficientCredits why = why(billed, shortfall, state, team, pool, changes);
    Run refused = template.refused(billed, changes.now());
    updateIfStored(draft, refused);
    changes.raise(
        BillingEvents.rejected(
            refused, state.name().toLowerCase(java.util.Locale.ROOT), changes.now()));
    return new Decided(
        new Attempt.Answered(Outcome.refused(InsufficientCreditsRefusals.of(why, refused.id()))),
        pool,
        draft.stored() ? null : refused);
  }

  /** The answer a submission under an already used key gets; nothing changes. */
  private Outcome<RunView> replay(
      Run earlier, Request request, Team team, Pool pool, PoolChanges changes) {
    Run template = request.draft().template();
    boolean samePool = earlier.billedPool().poolId().equals(request.billed().poolId());
    if (!Replays.refusedAtSubmission(earlier)
        || !Replays.sameRequest(earlier, template)
        || !samePool) {
      return Replays.ofRun(earlier, template);
    }
    long required = terms.startHold().value();
    ReserveOutcome.Short shortfall =
        pool.reserve(earlier.id(), required, changes.now()) instanceof ReserveOutcome.Short s
            ? s
            : new ReserveOutcome.Short(required, pool.balances(), List.of());
    InsufficientCredits why =
        why(earlier.billedPool(), shortfall, stateWithoutReload(pool, team), team, pool, changes);
    return Outcome.refused(InsufficientCreditsRefusals.of(why, earlier.id()));
  }

  /** Everything the refusal says: the shortfall, auto-reload's state, the cap and its month. */
  private InsufficientCredits why(
      BilledPool billed,
      ReserveOutcome.Short shortfall,
      AutoReloadState state,
      Team team,
      Pool pool,
      PoolChanges changes) {
    MonthlySpend spend = stores.spend().find(team.id(), MonthlySpend.monthOf(changes.now()));
    return InsufficientCredits.of(
        billed,
        shortfall.required(),
        shortfall.balances(),
        shortfall.sourcesTried(),
        state,
        team.monthlySpendCap(),
        spend.spent(),
        pool.nextRefreshAt(terms.cycleLength()));
  }

  private void updateIfStored(RunDraft draft, Run run) {
    if (draft.stored()) {
      stores.runs().update(run);
    }
  }

  static AutoReloadState stateWithoutReload(Pool pool, Team team) {
    if (!team.plan().allowsAddOns()) {
      return AutoReloadState.NOT_OFFERED;
    }
    if (!pool.autoReload().enabled()) {
      return pool.autoReload().turnedOffBy() == ReloadFailure.PAYMENT_DECLINED
          ? AutoReloadState.PAYMENT_DECLINED
          : AutoReloadState.OFF;
    }
    return AutoReloadState.IN_FLIGHT;
  }

  static AutoReloadState stateAfter(ReloadFailure failure) {
    return switch (failure) {
      case SPEND_CAP_REACHED -> AutoReloadState.CAP_REACHED;
      case PAYMENT_DECLINED -> AutoReloadState.PAYMENT_DECLINED;
      case AUTO_RELOAD_DISABLED -> AutoReloadState.OFF;
    };
  }
}
