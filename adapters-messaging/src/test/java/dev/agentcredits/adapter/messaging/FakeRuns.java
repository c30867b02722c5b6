package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.ReportUsageBatchUseCase;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.ReportUsageUseCase;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.SubmitRunUseCase;
import dev.agentcredits.application.port.in.view.BilledPoolView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.service.idempotency.IdempotentRunCommands;
import dev.agentcredits.domain.pool.PoolBalances;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.refusal.InsufficientCredits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.RunId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The three run use cases over a map: every run is accepted with a 20-credit hold, except on a team
 * marked broke. Can be told to throw on the next calls.
 */
final class FakeRuns
    implements SubmitRunUseCase, ReportUsageUseCase, ReportUsageBatchUseCase, CompleteRunUseCase {
  private final Map<String, RunView> runs = new HashMap<>();
  private final List<Object> calls = new ArrayList<>();
  private final Deque<RuntimeException> failures = new ArrayDeque<>();
  private final List<Integer> batches = new ArrayList<>();
  private final Set<String> brokeTeams = ConcurrentHashMap.newKeySet();
  private volatile long delayMillis;
  private int gateAt = -1;
  private Gate gate;

  /** These use cases as bootstrap gives them to the adapter: under command ids. */
  CommandHandlers handlers(FakeIdempotency idempotency) {
    return new CommandHandlers(
        new IdempotentRunCommands(this, this, this, this, idempotency.idempotency()));
  }

  void markBroke(String team) {
    brokeTeams.add(team);
  }

  /** Makes every call take this long, as a use case on a real database would. */
  void slowBy(long millis) {
    delayMillis = millis;
  }

  /** The call with this number (from 1) stops at the gate until the test opens it. */
  synchronized Gate gateAtCall(int number) {
    gateAt = number;
    gate = new Gate();
    return gate;
  }

  synchronized void failNext(RuntimeException... exceptions) {
    failures.addAll(List.of(exceptions));
  }

  synchronized List<Object> calls() {
    return List.copyOf(calls);
  }

  @Override
  public synchronized Outcome<RunView> submit(SubmitRunCommand command) {
    record(command);
    String id = "task_" + (runs.size() + 1);
    BilledPoolView pool =
        new BilledPoolView(
            "MEMBER",
            command.team().value(),
            command.member() == null ? "owner_1" : command.member().value());
    if (brokeTeams.contains(command.team().value())) {
      runs.put(
          id,
          new RunView(id, "FAILED", command.trigger().name(), pool, 0, 0, "insufficient_credits"));
      var why =
          InsufficientCredits.of(
              BilledPool.ofMember(command.team(), new MemberId(pool.memberId()), Payer.TEAM_OWNER),
              20,
              new PoolBalances(0, 0, 0, 0),
              List.of(),
              AutoReloadState.OFF,
              Money.cents(20_000),
              Money.cents(0),
              Optional.empty(),
              Money.dollars(10),
              dev.agentcredits.domain.refusal.Contacts.HIDDEN);
      return Outcome.refused(new Refusal.InsufficientCredits(why, new RunId(id)));
    }
    RunView run = new RunView(id, "QUEUED", command.trigger().name(), pool, 20, 0, null);
    runs.put(id, run);
    return Outcome.ok(run);
  }

  @Override
  public synchronized Outcome<RunView> report(ReportUsageCommand command) {
    record(command);
    RunView run = runs.get(command.run().value());
    if (run == null) {
      return Outcome.refused(Refusal.notFound("task " + command.run()));
    }
    RunView charged =
        new RunView(
            run.taskId(),
            run.state(),
            run.trigger(),
            run.billedPool(),
            Math.max(0, run.heldCredits() - command.credits()),
            run.chargedCredits() + command.credits(),
            null);
    runs.put(run.taskId(), charged);
    return Outcome.ok(charged);
  }

  /**
   * Each report as {@link #report} would answer it; like the real service it is one transaction, so
   * a failure undoes the reports before it (they stay in {@link #calls}).
   */
  @Override
  public synchronized List<Outcome<RunView>> reportAll(List<ReportUsageCommand> reports) {
    batches.add(reports.size());
    Map<String, RunView> before = new HashMap<>(runs);
    try {
      return reports.stream().map(this::report).toList();
    } catch (RuntimeException e) {
      runs.clear();
      runs.putAll(before);
      throw e;
    }
  }

  /** The size of each reportAll call so far. */
  synchronized List<Integer> batches() {
    return List.copyOf(batches);
  }

  @Override
  public synchronized Outcome<RunView> complete(RunCommand command) {
    record(command);
    RunView run = runs.get(command.run().value());
    if (run == null) {
      return Outcome.refused(Refusal.notFound("task " + command.run()));
    }
    RunView done =
        new RunView(
            run.taskId(),
            "SUCCEEDED",
            run.trigger(),
            run.billedPool(),
            0,
            run.chargedCredits(),
            null);
    runs.put(run.taskId(), done);
    return Outcome.ok(done);
  }

  private void record(Object command) {
    calls.add(command);
    if (calls.size() == gateAt) {
      gate.pass();
    }
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!failures.isEmpty()) {
      throw failures.pop();
    }
  }
}
