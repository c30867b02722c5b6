package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.PoolView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Group commit is speed only: the same operations on runs, through the plain transaction (what the
 * other use-case tests exercise) and through {@code GroupCommittedRunOperations} (what bootstrap
 * wires), give the same answers, leave the runs in the same states and the pools with the same
 * balances.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommittedRunOperationsTest {

  @Test
  void oneOperationAfterAnotherComesOutTheSameEitherWay() {
    BillingFixture plain = new BillingFixture();
    BillingFixture grouped = BillingFixture.groupCommitted();

    List<String> expected = mixedSequence(plain);

    assertThat(mixedSequence(grouped)).containsExactlyElementsOf(expected);
    plain.assertEveryPoolReconciles();
    grouped.assertEveryPoolReconciles();
  }

  @Test
  void operationsArrivingTogetherComeOutTheSameEitherWay() throws Exception {
    BillingFixture plain = new BillingFixture();
    BillingFixture grouped = BillingFixture.groupCommitted();

    List<String> expected = concurrentUsage(plain);

    assertThat(concurrentUsage(grouped)).containsExactlyElementsOf(expected);
    plain.assertEveryPoolReconciles();
    grouped.assertEveryPoolReconciles();
  }

  /**
   * Usage on and off the hold, replays and conflicts, a run running dry, arrears a reload pays,
   * completion and cancellation (twice), late and too-late usage, a batch of reports, hold expiry.
   */
  private static List<String> mixedSequence(BillingFixture billing) {
    TestTeam team = billing.aBuildTeam().withMember("bob").withCreditsLeft("bob", 60).build();
    TestTeam reloading =
        billing.aBuildTeam().withCreditsLeft("owner", 20).withAutoReload("owner", 400, 10).build();
    Transcript out = new Transcript(billing);
    RunView first = ok(team.submitAs("owner"));
    RunView second = ok(team.submitAs("owner"));
    RunView bobs = ok(team.submitAs("bob"));
    RunView reloaded = ok(reloading.submitAs("owner"));
    RunView idle = ok(team.submitAs("owner"));

    out.add(billing.usage(first, "u-1", 5));
    out.add(billing.usage(first, "u-1", 5));
    out.add(billing.usage(first, "u-1", 6));
    out.add(billing.usage(first, "u-2", 120));
    out.add(billing.complete(first));
    out.add(billing.complete(first));
    out.add(cancel(billing, second));
    out.add(cancel(billing, second));
    out.add(billing.usage(bobs, "u-1", 80));
    out.add(billing.complete(bobs));
    out.add(billing.usage(reloaded, "u-1", 100));
    billing.advance(Duration.ofHours(2));
    out.add(billing.usage(first, "late-1", 30));
    out.addAll(
        billing
            .app
            .reportUsageBatch()
            .reportAll(
                List.of(
                    report(idle, "b-1", 10),
                    report(idle, "b-1", 10),
                    report(second, "b-2", 7),
                    new ReportUsageCommand(
                        OPERATOR, new RunId("task_nope"), new UsageId("b"), 1))));
    billing.advance(Duration.ofHours(25));
    out.line("hold expiry " + billing.app.timeKeeping().runDueWork().holdsExpired());
    out.add(billing.usage(first, "late-2", 30));
    for (RunView run : List.of(first, second, bobs, reloaded, idle)) {
      out.run(billing.run(run.taskId()));
    }
    out.pool(team.poolView("owner"));
    out.pool(team.poolView("bob"));
    out.pool(reloading.poolView("owner"));
    return out.lines();
  }

  /** Sixteen runs on one pool, each reporting usage from its own thread, then completing. */
  private static List<String> concurrentUsage(BillingFixture billing) throws Exception {
    TestTeam team = billing.aBuildTeam().build();
    List<RunView> runs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      runs.add(ok(team.submitWithTeamKey()));
    }

    List<List<Outcome<RunView>>> answers =
        Parallel.run(
            runs.size(),
            t -> {
              RunView run = runs.get(t);
              List<Outcome<RunView>> own = new ArrayList<>();
              for (int u = 0; u < 4; u++) {
                own.add(billing.usage(run, "u-" + u, 3 + t));
              }
              own.add(billing.usage(run, "u-0", 3 + t));
              own.add(billing.complete(run));
              return own;
            });

    Transcript out = new Transcript(billing);
    answers.forEach(out::addAll);
    runs.forEach(run -> out.run(billing.run(run.taskId())));
    out.pool(team.poolView("owner"));
    return out.lines();
  }

  private static Outcome<RunView> cancel(BillingFixture billing, RunView run) {
    return billing.app.cancelRun().cancel(new RunCommand(OPERATOR, new RunId(run.taskId())));
  }

  private static ReportUsageCommand report(RunView run, String usage, long credits) {
    return new ReportUsageCommand(OPERATOR, new RunId(run.taskId()), new UsageId(usage), credits);
  }

  /**
   * Answers, runs and pools as lines without the ids, which differ from one application to another.
   */
  private record Transcript(BillingFixture billing, List<String> lines) {
    Transcript(BillingFixture billing) {
      this(billing, new ArrayList<>());
    }

    void add(Outcome<RunView> outcome) {
      line(
          switch (outcome) {
            case Outcome.Ok<RunView> ok -> "ok " + ok.replayed() + " " + describe(ok.value());
            case Outcome.Refused<RunView> refused ->
                "refused "
                    + refused.replayed()
                    + " "
                    + refused.refusal().getClass().getSimpleName();
          });
    }

    void addAll(List<Outcome<RunView>> outcomes) {
      outcomes.forEach(this::add);
    }

    void run(RunView run) {
      line("run " + describe(run));
    }

    void pool(PoolView pool) {
      line(
          "pool plan %d add-on %d arrears %d held %d available %d"
              .formatted(
                  pool.planCredits(),
                  pool.addonCredits(),
                  pool.arrearsCredits(),
                  pool.heldCredits(),
                  pool.availableCredits()));
    }

    void line(String line) {
      lines.add(line);
    }

    private static String describe(RunView run) {
      return String.join(
          " ",
          run.state(),
          run.trigger(),
          "held " + run.heldCredits(),
          "charged " + run.chargedCredits(),
          String.valueOf(run.errorCode()));
    }
  }
}
