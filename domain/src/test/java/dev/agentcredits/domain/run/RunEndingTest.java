package dev.agentcredits.domain.run;

import static dev.agentcredits.domain.run.RunLedger.T0;
import static dev.agentcredits.domain.run.RunLedger.aPoolWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md rules 4, 5, 14 and 21: the ways a queued run ends, its unused hold going back. */
class RunEndingTest {
  private static final Duration TTL = Duration.ofHours(24);
  private static final Instant LATER = T0.plusSeconds(60);

  @ParameterizedTest(name = "{0}: {1}, {2} by {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "COMPLETED,    SUCCEEDED, RUN_COMPLETED, completed,    12",
        "HOLD_EXPIRED, SUCCEEDED, RUN_COMPLETED, hold_expired, 12",
        "CANCELLED,    CANCELLED, RUN_CANCELLED, cancelled,    12",
        "STOPPED,      FAILED,    RUN_STOPPED,   -,            -",
      })
  void theUnusedHoldGoesBackAndTheRunSaysWhyItEnded(
      HoldRelease.Why why, RunState state, EventType event, String settledBy, Long released) {
    RunLedger ledger = aPoolWith(1_500);
    Run run = charged(ledger, ledger.queued("task-1", 20), 8);
    long available = ledger.pool().available();

    RunDecision.Moved moved = ledger.record(HoldRelease.release(run, ledger.pool(), why, LATER));

    assertThat(moved.run().state()).isEqualTo(state);
    assertThat(moved.run().hold().total()).isZero();
    assertThat(moved.run().charged()).as("what was charged stays charged").isEqualTo(8);
    assertThat(moved.run().endedAt()).isEqualTo(LATER);
    assertThat(ledger.pool().available()).isEqualTo(available + 12);
    assertThat(ledger.pool().balances().held()).isZero();
    assertThat(moved.usage()).isNull();
    assertThat(moved.next()).isEqualTo(RunDecision.Next.NOTHING);
    assertThat(moved.change().events())
        .singleElement()
        .satisfies(e -> {
          assertThat(e.type()).isEqualTo(event);
          var data = (EventData.RunChanged) e.data();
          assertThat(data.settledBy()).isEqualTo(settledBy);
          assertThat(data.releasedCredits()).isEqualTo(released);
          assertThat(data.state()).isEqualTo(state.name());
        });
    assertThat(ledger.reconciles()).isTrue();
  }

  @Test
  void onlyAQueuedRunsOwnPoolTakesItsHoldBack() {
    RunLedger ledger = aPoolWith(1_500);
    Run done =
        ledger.record(RunEnding.complete(ledger.queued("task-1", 20), ledger.pool(), T0)).run();
    Run queued = ledger.queued("task-2", 20);
    Pool teamPool = Pool.openForTeam(RunLedger.TEAM, ledger.pool().autoReload());

    assertThatThrownBy(
            () -> HoldRelease.release(done, ledger.pool(), HoldRelease.Why.COMPLETED, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HoldRelease.release(queued, teamPool, HoldRelease.Why.COMPLETED, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void completingASucceededRunAgainChangesNothing() {
    RunLedger ledger = aPoolWith(1_500);
    Run done =
        ledger.record(RunEnding.complete(ledger.queued("task-1", 20), ledger.pool(), T0)).run();

    assertThat(RunEnding.complete(done, null, LATER)).isEqualTo(new RunDecision.Unchanged(done));
  }

  @ParameterizedTest(name = "a {0} run")
  @CsvSource({
    "FAILED, the task is FAILED (insufficient_credits)",
    "CANCELLED, the task is CANCELLED and"
  })
  void anotherEndedRunCannotComplete(RunState state, String detail) {
    Run ended = ended(state);

    var refused = (RunDecision.Refused) RunEnding.complete(ended, null, LATER);

    assertThat(refused.reason()).isEqualTo(RunDecision.Reason.INVALID);
    assertThat(refused.detail()).contains(detail).endsWith("retry it instead");
  }

  @ParameterizedTest(name = "a {0} run")
  @CsvSource({"SUCCEEDED", "CANCELLED", "FAILED"})
  void onlyAQueuedRunCanBeCancelled(RunState state) {
    var refused = (RunDecision.Refused) RunEnding.cancel(ended(state), null, LATER);

    assertThat(refused.reason()).isEqualTo(RunDecision.Reason.CONFLICT);
    assertThat(refused.detail())
        .isEqualTo("the task is already " + state + "; only a QUEUED task can be cancelled");
  }

  @Test
  void aRunIsStoppedForCreditsOnlyWhileItsPoolStillOwesThem() {
    RunLedger ledger = aPoolWith(50).withAutoReload();
    Run paid = ledger.queued("task-0", 20);
    assertThat(RunEnding.stopForCredits(paid, ledger.pool(), LATER))
        .isEqualTo(new RunDecision.Unchanged(paid));
    Run owing = charged(ledger, ledger.queued("task-1", 20), 80);
    assertThat(ledger.pool().arrears()).isPositive();

    RunDecision.Moved stopped =
        ledger.record(RunEnding.stopForCredits(owing, ledger.pool(), LATER));

    assertThat(stopped.run().state()).isEqualTo(RunState.FAILED);
    assertThat(stopped.run().failure()).isEqualTo(RunFailure.INSUFFICIENT_CREDITS);
    assertThat(RunEnding.stopForCredits(stopped.run(), null, LATER))
        .isEqualTo(new RunDecision.Unchanged(stopped.run()));
    assertThat(ledger.reconciles()).isTrue();
  }

  @ParameterizedTest(name = "idle for {0}: settled {1}")
  @CsvSource({"PT23H59M, false", "PT24H, true", "P3D, true"})
  void anIdleHoldSettlesOnceItsTimeToLiveIsOver(Duration idle, boolean settles) {
    RunLedger ledger = aPoolWith(1_500);
    Run run = ledger.queued("task-1", 20);

    RunDecision decision = RunEnding.settleIdle(run, ledger.pool(), TTL, T0.plus(idle));

    if (settles) {
      var moved = ledger.record(decision);
      assertThat(moved.run().state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(((EventData.RunChanged) moved.change().events().getFirst().data()).settledBy())
          .isEqualTo("hold_expired");
    } else {
      assertThat(decision).isEqualTo(new RunDecision.Unchanged(run));
    }
  }

  @Test
  void anEndedRunHasNoHoldToExpire() {
    Run done = ended(RunState.SUCCEEDED);

    assertThat(RunEnding.settleIdle(done, null, TTL, T0.plus(Duration.ofDays(3))))
        .isEqualTo(new RunDecision.Unchanged(done));
  }

  private static Run charged(RunLedger ledger, Run run, long credits) {
    return ledger
        .record(
            UsageCharging.decide(
                run,
                ledger.pool(),
                new UsageReport(new UsageId("u-" + credits), credits),
                null,
                new UsageCharging.Terms(TTL, true),
                T0))
        .run();
  }

  private static Run ended(RunState state) {
    RunLedger ledger = aPoolWith(1_500);
    Run run = ledger.queued("task-1", 20);
    HoldRelease.Why why =
        switch (state) {
          case SUCCEEDED -> HoldRelease.Why.COMPLETED;
          case CANCELLED -> HoldRelease.Why.CANCELLED;
          case FAILED -> HoldRelease.Why.STOPPED;
          default -> throw new IllegalArgumentException(state.name());
        };
    return HoldRelease.release(run, ledger.pool(), why, T0).run();
  }
}
