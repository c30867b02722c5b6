package dev.agentcredits.domain.run;

import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PoolTransition;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.pool.Reconciliation;
import dev.agentcredits.domain.pool.ReserveOutcome;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data for the decisions on runs: bob's pool with every posting it got, so a test can check
 * that the ledger still explains the pool after a decision, and runs queued on it.
 */
final class RunLedger {
  static final Instant T0 = Instant.parse("2025-01-10T00:00:00Z");
  static final Duration CYCLE = Duration.ofDays(30);
  static final TeamId TEAM = new TeamId("team-1");
  static final MemberId BOB = new MemberId("bob");
  static final BilledPool BILLED = BilledPool.ofMember(TEAM, BOB, Payer.TRIGGERING_USER);
  static final Credits THRESHOLD = Credits.of(100);

  private final List<Posting> postings = new ArrayList<>();
  private Pool pool;

  private RunLedger(Pool pool) {
    this.pool = pool;
  }

  /** Bob's pool as of {@link #T0}, with {@code planCredits} in its cycle; auto-reload off. */
  static RunLedger aPoolWith(long planCredits) {
    RunLedger ledger =
        new RunLedger(Pool.openForMember(TEAM, BOB, T0, AutoReloadSettings.off(THRESHOLD)));
    ledger.record(ledger.pool.advanceTo(T0, planCredits, CYCLE));
    return ledger;
  }

  RunLedger withAutoReload() {
    pool = pool.withAutoReload(new AutoReloadSettings(true, Credits.of(400), THRESHOLD, null));
    return this;
  }

  Pool pool() {
    return pool;
  }

  /** A run of bob's, queued at {@link #T0} with a hold of {@code hold} credits from this pool. */
  Run queued(String id, long hold) {
    RunId runId = new RunId(id);
    var reserved = (ReserveOutcome.Reserved) pool.reserve(runId, hold, T0);
    record(reserved.transition());
    return draft(runId).accepted(BILLED, reserved.hold(), T0);
  }

  /** Records what a decision did to the pool; it must start from the pool as it is. */
  RunDecision.Moved record(RunDecision decision) {
    var moved = (RunDecision.Moved) decision;
    record(moved.change());
    return moved;
  }

  private void record(PoolTransition transition) {
    pool = transition.pool();
    postings.addAll(transition.postings());
  }

  /** DOMAIN.md rule 16: the postings alone explain every source, hold and arrears of the pool. */
  boolean reconciles() {
    return Reconciliation.matches(pool, postings);
  }

  private static Run draft(RunId id) {
    return new Run(
        id,
        TEAM,
        Trigger.USER,
        BOB,
        null,
        "fix the build",
        BILLED,
        RunState.FAILED,
        Hold.NONE,
        0,
        RunFailure.INSUFFICIENT_CREDITS,
        T0,
        T0);
  }
}
