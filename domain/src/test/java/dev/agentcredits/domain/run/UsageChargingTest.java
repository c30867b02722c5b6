package dev.agentcredits.domain.run;

import static dev.agentcredits.domain.run.RunLedger.T0;
import static dev.agentcredits.domain.run.RunLedger.aPoolWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.limit.MemberBudget;
import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md rules 3, 5 and 27 as one decision: a usage report against a run and its pool. */
class UsageChargingTest {
  private static final Duration DAY = Duration.ofHours(24);
  private static final UsageCharging.Terms MAY_RELOAD = new UsageCharging.Terms(DAY, true);
  private static final UsageCharging.Terms NO_ADD_ONS = new UsageCharging.Terms(DAY, false);
  private static final Instant LATER = T0.plusSeconds(60);

  @ParameterizedTest(name = "{0} plan credits, reload {1}, add-ons {2}, {3} credits used: {7}")
  @CsvSource({
    // plan, reload, addOns, used, fromHold, fromPool, arrears, state,  held, next,        available
    "1500,   false,  true,   5,    5,        0,        0,       QUEUED, 15,   NOTHING,     1480",
    "1500,   false,  true,   120,  20,       100,      0,       QUEUED, 0,    NOTHING,     1380",
    "50,     false,  true,   80,   20,       30,       30,      FAILED, 0,    NOTHING,     -30",
    "50,     true,   false,  80,   20,       30,       30,      FAILED, 0,    NOTHING,     -30",
    "50,     true,   true,   80,   20,       30,       30,      QUEUED, 0,    PAY_ARREARS, -30",
    "200,    true,   true,   90,   20,       70,       0,       QUEUED, 0,    NOTHING,     110",
    "200,    true,   true,   100,  20,       80,       0,       QUEUED, 0,    TOP_UP,      100",
    "200,    true,   false,  100,  20,       80,       0,       QUEUED, 0,    NOTHING,     100",
    "200,    false,  true,   100,  20,       80,       0,       QUEUED, 0,    NOTHING,     100",
  })
  void aReportIsChargedToTheHoldThenTheWaterfallThenArrears(
      long plan,
      boolean reload,
      boolean addOns,
      long used,
      long fromHold,
      long fromPool,
      long arrears,
      RunState state,
      long held,
      RunDecision.Next next,
      long available) {
    RunLedger ledger = aPoolWith(plan);
    if (reload) {
      ledger.withAutoReload();
    }
    Run run = ledger.queued("task-1", 20);
    var report = new UsageReport(new UsageId("u-1"), used);

    RunDecision.Moved moved =
        ledger.record(
            UsageCharging.decide(
                run, ledger.pool(), report, null, new UsageCharging.Terms(DAY, addOns), LATER));

    assertThat(moved.run().state()).isEqualTo(state);
    assertThat(moved.run().charged()).as("usage is never dropped").isEqualTo(used);
    assertThat(moved.run().hold().total()).isEqualTo(held);
    assertThat(moved.next()).isEqualTo(next);
    assertThat(moved.usage()).isEqualTo(report.chargedAt(LATER));
    assertThat(moved.change().pool().available()).isEqualTo(available);
    assertThat(moved.change().pool().arrears()).isEqualTo(arrears);
    assertThat(usageCharged(moved))
        .isEqualTo(
            new EventData.UsageCharged(
                run.id(), report.usage(), used, fromHold, fromPool, arrears));
    assertThat(ledger.reconciles()).isTrue();
  }

  @Test
  void aRunNobodyCanReloadForIsStoppedAtOnceAndSaysSoAfterItsCharge() {
    RunLedger ledger = aPoolWith(50);
    Run run = ledger.queued("task-1", 20);

    RunDecision.Moved moved =
        ledger.record(
            UsageCharging.decide(run, ledger.pool(), report("u-1", 80), null, MAY_RELOAD, LATER));

    assertThat(moved.run().failure()).isEqualTo(RunFailure.INSUFFICIENT_CREDITS);
    assertThat(types(moved))
        .containsExactly(
            EventType.USAGE_CHARGED, EventType.CREDITS_DEPLETED, EventType.RUN_STOPPED);
  }

  @Test
  void aChargeCrossingTheThresholdSaysCreditsAreLow() {
    RunLedger ledger = aPoolWith(200);
    Run run = ledger.queued("task-1", 20);

    RunDecision.Moved moved =
        ledger.record(
            UsageCharging.decide(run, ledger.pool(), report("u-1", 150), null, NO_ADD_ONS, LATER));

    assertThat(types(moved)).containsExactly(EventType.USAGE_CHARGED, EventType.CREDITS_LOW);
  }

  @ParameterizedTest(name = "first reported with {0}, again with {1}")
  @CsvSource({"30, 30, true", "30, 31, false"})
  void aUsageIdSeenBeforeReplaysWithTheSameCreditsAndIsAConflictOtherwise(
      long first, long again, boolean replays) {
    Run run = aPoolWith(1_500).queued("task-1", 20);
    var seen = new UsageRecord(new UsageId("u-1"), first, T0);

    RunDecision decision =
        UsageCharging.decide(run, null, report("u-1", again), seen, MAY_RELOAD, LATER);

    if (replays) {
      assertThat(decision).isEqualTo(new RunDecision.Replayed(run));
    } else {
      assertThat(decision)
          .isEqualTo(
              new RunDecision.Refused(
                  RunDecision.Reason.CONFLICT, "usage_id u-1 was reported with other credits"));
    }
  }

  @ParameterizedTest(name = "{0} after the run completed: charged {1}")
  @CsvSource({"PT23H, true", "PT24H, true", "PT24H0.001S, false", "P3D, false"})
  void usageAfterTheEndIsChargedToTheWaterfallWithinTheWindowOnly(Duration after, boolean charged) {
    RunLedger ledger = aPoolWith(1_500);
    Run run = ledger.queued("task-1", 20);
    Run completed = ledger.record(RunEnding.complete(run, ledger.pool(), T0)).run();
    Instant reported = T0.plus(after);

    RunDecision decision =
        UsageCharging.decide(
            completed, ledger.pool(), report("late-1", 50), null, MAY_RELOAD, reported);

    if (charged) {
      RunDecision.Moved moved = ledger.record(decision);
      assertThat(moved.run().state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(moved.run().charged()).isEqualTo(50);
      assertThat(moved.run().endedAt()).as("late usage does not move the end").isEqualTo(T0);
      assertThat(usageCharged(moved).fromPool()).isEqualTo(50);
      assertThat(ledger.pool().available()).isEqualTo(1_450);
      assertThat(ledger.reconciles()).isTrue();
    } else {
      assertThat(decision).isInstanceOf(RunDecision.Refused.class);
      var refused = (RunDecision.Refused) decision;
      assertThat(refused.reason()).isEqualTo(RunDecision.Reason.CONFLICT);
      assertThat(refused.detail()).contains("more than 24 hours");
    }
  }

  @Test
  void lateUsageIntoArrearsOnAnEmptyPoolSaysItIsDepletedAgainButStopsNothing() {
    RunLedger ledger = aPoolWith(1_500);
    Run run = ledger.queued("task-1", 20);
    Run drained =
        ledger
            .record(
                UsageCharging.decide(
                    run, ledger.pool(), report("all", 1_500), null, NO_ADD_ONS, T0))
            .run();
    Run cancelled = ledger.record(RunEnding.cancel(drained, ledger.pool(), T0)).run();

    RunDecision.Moved moved =
        ledger.record(
            UsageCharging.decide(
                cancelled, ledger.pool(), report("late-1", 5_000), null, NO_ADD_ONS, LATER));

    assertThat(moved.run().state()).isEqualTo(RunState.CANCELLED);
    assertThat(moved.run().charged()).isEqualTo(6_500);
    assertThat(ledger.pool().arrears()).isEqualTo(5_000);
    assertThat(types(moved)).containsExactly(EventType.USAGE_CHARGED, EventType.CREDITS_DEPLETED);
    assertThat(moved.next()).isEqualTo(RunDecision.Next.NOTHING);
    assertThat(ledger.reconciles()).isTrue();
  }

  private static UsageReport report(String usage, long credits) {
    return new UsageReport(new UsageId(usage), credits);
  }

  private static EventData.UsageCharged usageCharged(RunDecision.Moved moved) {
    return (EventData.UsageCharged)
        moved.change().events().stream()
            .filter(e -> e.type() == EventType.USAGE_CHARGED)
            .findFirst()
            .orElseThrow()
            .data();
  }

  private static List<EventType> types(RunDecision.Moved moved) {
    return moved.change().events().stream().map(DomainEvent::type).toList();
  }

  /**
   * DOMAIN.md rule 24: a charge is never dropped; one that leaves the member over stops the run.
   */
  @ParameterizedTest(name = "limit {0}, charged before {1}, {2} used: {3}")
  @CsvSource({
    // limit, charged this month, used, state,  held, failure,         available
    "2000,    0,                  5,    QUEUED, 15,   ,                1480",
    "2000,    1980,               20,   QUEUED, 0,    ,                1480",
    "2000,    1980,               21,   FAILED, 0,    BUDGET_EXCEEDED, 1479",
    "2000,    1000,               1200, FAILED, 0,    BUDGET_EXCEEDED, 300",
    "100,     200,                5,    FAILED, 0,    BUDGET_EXCEEDED, 1495",
  })
  void usageThatTakesTheMemberOverTheirLimitIsChargedAndStopsTheRun(
      long limit,
      long chargedBefore,
      long used,
      RunState state,
      long held,
      RunFailure failure,
      long available) {
    RunLedger ledger = aPoolWith(1500);
    Run run = ledger.queued("task-1", 20);
    var budget =
        new MemberBudget(
            RunLedger.BOB, limit, new MemberSpend(YearMonth.of(2025, 1), chargedBefore, 20));
    var report = new UsageReport(new UsageId("u-1"), used);

    RunDecision.Moved moved =
        ledger.record(
            UsageCharging.decide(run, ledger.pool(), report, null, MAY_RELOAD, budget, LATER));

    assertThat(moved.run().charged()).as("usage is never dropped").isEqualTo(used);
    assertThat(moved.run().state()).isEqualTo(state);
    assertThat(moved.run().failure()).isEqualTo(failure);
    assertThat(moved.run().hold().total()).isEqualTo(held);
    assertThat(moved.change().pool().available()).isEqualTo(available);
    assertThat(moved.change().events())
        .extracting(DomainEvent::type)
        .contains(EventType.USAGE_CHARGED)
        .containsSequence(
            state == RunState.FAILED
                ? List.of(EventType.USAGE_CHARGED, EventType.RUN_STOPPED)
                : List.of(EventType.USAGE_CHARGED));
    assertThat(ledger.reconciles()).isTrue();
  }

  @Test
  void lateUsageOverTheLimitIsChargedToTheEndedRunAndChangesNothingElse() {
    RunLedger ledger = aPoolWith(1500);
    Run run = ledger.queued("task-1", 20);
    Run done = ledger.record(RunEnding.complete(run, ledger.pool(), LATER)).run();
    var budget =
        new MemberBudget(RunLedger.BOB, 100, new MemberSpend(YearMonth.of(2025, 1), 100, 0));

    RunDecision.Moved moved =
        ledger.record(
            UsageCharging.decide(
                done,
                ledger.pool(),
                new UsageReport(new UsageId("late"), 30),
                null,
                MAY_RELOAD,
                budget,
                LATER.plusSeconds(60)));

    assertThat(moved.run().state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(moved.run().charged()).isEqualTo(30);
    assertThat(ledger.reconciles()).isTrue();
  }
}
