package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.ReportUsageUseCase;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.ChargeOutcome;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.spend.AutoReloadPolicy;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * DOMAIN.md rules 3 and 5: usage is charged once per usage id, against the hold first, then the
 * waterfall; what nothing covers becomes arrears. A queued run that runs dry is stopped, unless
 * auto-reload pays the arrears first.
 */
public final class ReportUsageService implements ReportUsageUseCase {
  /** Waits for another request's reload before giving up on the arrears. */
  private static final int MAX_WAITS = 8;

  /** A safety net only: each reload raises the month's spend, so the cap ends the loop first. */
  private static final int MAX_RELOADS = 1_000;

  private final TeamStore teams;
  private final PoolStore pools;
  private final RunStore runs;
  private final LedgerStore ledger;
  private final EventOutbox outbox;
  private final TransactionRunner tx;
  private final AutoReloader reloader;
  private final BillingTerms terms;
  private final Clock clock;

  public ReportUsageService(
      TeamStore teams,
      PoolStore pools,
      RunStore runs,
      LedgerStore ledger,
      EventOutbox outbox,
      TransactionRunner tx,
      AutoReloader reloader,
      BillingTerms terms,
      Clock clock) {
    this.teams = teams;
    this.pools = pools;
    this.runs = runs;
    this.ledger = ledger;
    this.outbox = outbox;
    this.tx = tx;
    this.reloader = reloader;
    this.terms = terms;
    this.clock = clock;
  }

  private record Charged(Run run, Pool pool, boolean inArrears, boolean canReload) {}

  @Override
  public Outcome<RunView> report(ReportUsageCommand command) {
    return Guard.outcome(() -> {
      Access.requireUsageReporter(command.caller());
      Charged charged = tx.inTransaction(() -> charge(command));
      Run run = charged.run();
      if (charged.inArrears()) {
        run = settleOrStop(run);
      } else if (charged.canReload() && AutoReloadPolicy.wantsReload(charged.pool())) {
        reloader.reload(run.billedPool().poolId());
      }
      return Outcome.ok(Views.run(run));
    });
  }

  private Charged charge(ReportUsageCommand command) {
    Run run =
        runs.lock(command.run())
            .map(r -> Access.visibleRun(command.caller(), r))
            .orElseThrow(() -> Guard.refuse(Refusal.notFound("task " + command.run())));
    OptionalLong seen = runs.findUsage(run.id(), command.usage());
    if (seen.isPresent()) {
      if (seen.getAsLong() != command.credits()) {
        throw Guard.refuse(
            Refusal.conflict("usage_id " + command.usage() + " was reported with other credits"));
      }
      return new Charged(run, null, false, false);
    }
    Team team = teams.find(run.team()).orElseThrow();
    PoolChanges changes = new PoolChanges(pools, ledger, outbox, terms, clock.instant());
    Pool before = changes.lockCurrent(run.billedPool().poolId(), team.plan());
    runs.recordUsage(run.id(), command.usage(), command.credits(), changes.now());
    ChargeOutcome charge =
        before.charge(
            run.id(), run.hold(), command.usage().value(), command.credits(), changes.now());
    Pool after = changes.apply(charge.transition());
    Run charged = run.charged(charge.total(), charge.remainingHold(), changes.now());
    changes.raise(BillingEvents.usageCharged(charged, command.usage(), charge, changes.now()));
    changes.raiseAll(BillingEvents.balanceCrossings(before, after, changes.now()));
    boolean canReload = team.plan().allowsAddOns() && after.autoReload().enabled();
    boolean inArrears = !charge.fullyCovered() && charged.state().isOpen();
    if (inArrears && !canReload) {
      charged = stop(charged, after, changes);
      inArrears = false;
    }
    runs.update(charged);
    changes.flush();
    return new Charged(charged, after, inArrears, canReload);
  }

  /**
   * Lets auto-reload pay the arrears; a run whose pool still owes credits afterwards is stopped.
   */
  private Run settleOrStop(Run run) {
    int waits = 0;
    for (int reloads = 0; reloads < MAX_RELOADS && waits < MAX_WAITS; ) {
      AutoReloader.Result result = reloader.reload(run.billedPool().poolId());
      if (result instanceof AutoReloader.Result.Refused) {
        break;
      }
      if (result instanceof AutoReloader.Result.InFlight) {
        Pause.briefly(++waits);
      } else {
        reloads++;
        waits = 0;
      }
      boolean cleared =
          tx.inTransaction(
              () -> pools.find(run.billedPool().poolId()).orElseThrow().arrears() == 0);
      if (cleared) {
        return tx.inTransaction(() -> runs.find(run.id()).orElseThrow());
      }
    }
    return tx.inTransaction(() -> {
      Run current = runs.lock(run.id()).orElseThrow();
      if (!current.state().isOpen()) {
        return current;
      }
      Team team = teams.find(current.team()).orElseThrow();
      PoolChanges changes = new PoolChanges(pools, ledger, outbox, terms, clock.instant());
      Pool pool = changes.lockCurrent(current.billedPool().poolId(), team.plan());
      if (pool.arrears() == 0) {
        changes.flush();
        return current;
      }
      Run stopped = stop(current, pool, changes);
      runs.update(stopped);
      changes.flush();
      return stopped;
    });
  }

  private static Run stop(Run run, Pool pool, PoolChanges changes) {
    changes.apply(pool.release(run.id(), run.hold(), changes.now()));
    Run stopped = run.stoppedForCredits(changes.now());
    changes.raise(BillingEvents.run(EventType.RUN_STOPPED, stopped, changes.now()));
    return stopped;
  }
}
