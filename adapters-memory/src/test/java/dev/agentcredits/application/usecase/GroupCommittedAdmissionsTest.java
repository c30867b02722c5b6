package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.MemberCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.service.runs.Admissions;
import dev.agentcredits.application.service.runs.AdmitRuns;
import dev.agentcredits.application.service.runs.MemberLimitBook;
import dev.agentcredits.application.service.runs.RefusalWording;
import dev.agentcredits.application.service.runs.batching.GroupCommittedAdmissions;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.domain.admission.Candidate;
import dev.agentcredits.domain.principal.PrincipalResolution;
import dev.agentcredits.domain.principal.PrincipalResolver;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The group commit bootstrap wires ({@link GroupCommittedAdmissions}) gives the answers that the
 * admission transaction gives one request at a time, and leaves the pools the same.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommittedAdmissionsTest {

  @Test
  void oneSequenceOfSubmissionsGetsTheSameAnswersAndBalancesBatchedOrNot() {
    BillingFixture unbatched = new BillingFixture();
    BillingFixture batched = new BillingFixture(p -> p, GroupCommittedAdmissions::new);

    List<String> alone = script(unbatched);
    List<String> together = script(batched);

    assertThat(together).isEqualTo(alone);
    assertThat(alone)
        .as("the script meets every kind of answer")
        .anyMatch(a -> a.startsWith("ok replayed=false QUEUED"))
        .anyMatch(a -> a.startsWith("ok replayed=true"))
        .anyMatch(a -> a.startsWith("InsufficientCredits replayed=false"))
        .anyMatch(a -> a.startsWith("InsufficientCredits replayed=true"))
        .anyMatch(a -> a.startsWith("Conflict"))
        .anyMatch(a -> a.startsWith("NotFound"));
    unbatched.assertEveryPoolReconciles();
    batched.assertEveryPoolReconciles();
  }

  @Test
  void requestsHandedOverAsOneListAreAnsweredAsIfEachCameAlone() {
    List<String> alone = new ArrayList<>();
    List<String> together = new ArrayList<>();
    BillingFixture one = new BillingFixture();
    BillingFixture list = new BillingFixture();
    Setup first = setUp(one);
    Setup second = setUp(list);

    for (Admissions.Request request : first.requests()) {
      alone.add(summary(admitRuns(one).admit(request)));
    }
    for (Admissions.Result result : admitRuns(list).admitAll(second.requests())) {
      together.add(summary(result));
    }

    assertThat(together).isEqualTo(alone);
    assertThat(runsAndBalances(list, second.team())).isEqualTo(runsAndBalances(one, first.team()));
    assertThat(alone)
        .containsExactly(
            "accepted task_0",
            "ok replayed=true task_0",
            "Conflict replayed=false",
            "accepted task_3",
            "accepted task_4",
            "InsufficientCredits replayed=false task_5",
            "accepted task_6",
            "InsufficientCredits replayed=false task_7",
            "InsufficientCredits replayed=true task_7");
    one.assertEveryPoolReconciles();
    list.assertEveryPoolReconciles();
  }

  @Test
  void concurrentSubmissionsShareTransactionsAndAcceptExactlyWhatThePoolCanFund() throws Exception {
    List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    BillingFixture billing =
        new BillingFixture(p -> p, a -> new GroupCommittedAdmissions(recording(a, batchSizes)));
    TestTeam team = billing.anEnterpriseTeam().withGrant(1_019).build();
    Caller teamKey = team.teamKey();
    AtomicInteger accepted = new AtomicInteger();
    billing.clock.slowDownReads(Duration.ofMillis(1));

    Parallel.run(
        16,
        t -> {
          while (billing.app.submitRun().submit(command(teamKey, "p" + t, null))
              instanceof Outcome.Ok<RunView>) {
            accepted.incrementAndGet();
          }
          return null;
        });
    billing.clock.slowDownReads(Duration.ZERO);

    assertThat(accepted).hasValue(50);
    assertThat(team.available("owner")).isEqualTo(19);
    assertThat(batchSizes).as("some transactions admitted several runs").anyMatch(n -> n > 1);
    billing.assertEveryPoolReconciles();
  }

  /** Keyed and unkeyed submissions, replays, refusals, a reload, a removed member, a retry. */
  private static List<String> script(BillingFixture billing) {
    TestTeam team =
        billing
            .aBuildTeam()
            .withMember("bob")
            .withMember("carol")
            .withCreditsLeft("owner", 65)
            .withCreditsLeft("bob", 130)
            .withAutoReload("bob", 400, 100)
            .build();
    Caller owner = team.key("owner");
    List<Outcome<RunView>> answers = new ArrayList<>();
    var submitRun = billing.app.submitRun();
    answers.add(submitRun.submit(command(owner, "p", "k1")));
    answers.add(submitRun.submit(command(owner, "p", "k1")));
    answers.add(submitRun.submit(command(owner, "another prompt", "k1")));
    answers.add(submitRun.submit(command(owner, "p", null)));
    answers.add(submitRun.submit(command(owner, "p", null)));
    answers.add(submitRun.submit(command(owner, "p", "k2")));
    answers.add(submitRun.submit(command(owner, "p", "k2")));
    answers.add(team.submitWithTeamKey());
    for (int i = 0; i < 4; i++) {
      answers.add(team.submitAs("bob"));
    }
    ok(
        billing
            .app
            .removeMember()
            .remove(new MemberCommand(owner, team.id, team.memberId("carol"))));
    answers.add(team.submitByIntegrationFor("carol"));
    ok(team.buy(owner, "owner", 400));
    String refused = taskOf(answers.get(5));
    answers.add(billing.app.retryRun().retry(new RunCommand(owner, new RunId(refused))));
    answers.add(submitRun.submit(command(owner, "p", "k2")));

    List<String> summaries = new ArrayList<>();
    for (Outcome<RunView> answer : answers) {
      summaries.add(summary(answer, answers));
    }
    summaries.addAll(balances(team));
    return summaries;
  }

  private static SubmitRunCommand command(Caller caller, String prompt, String key) {
    return new SubmitRunCommand(caller, null, null, null, null, prompt, key);
  }

  /** The answer, naming a run by the first answer that named it (ids differ between stores). */
  private static String summary(Outcome<RunView> answer, List<Outcome<RunView>> answers) {
    String task = taskOf(answer);
    int first = -1;
    for (int i = 0; task != null && i < answers.size(); i++) {
      if (task.equals(taskOf(answers.get(i)))) {
        first = i;
        break;
      }
    }
    return switch (answer) {
      case Outcome.Ok<RunView> ok ->
          "ok replayed=%s %s held=%d run#%d"
              .formatted(ok.replayed(), ok.value().state(), ok.value().heldCredits(), first);
      case Outcome.Refused<RunView> refused ->
          "%s replayed=%s run#%d"
              .formatted(refused.refusal().getClass().getSimpleName(), refused.replayed(), first);
    };
  }

  private static String taskOf(Outcome<RunView> answer) {
    return switch (answer) {
      case Outcome.Ok<RunView> ok -> ok.value().taskId();
      case Outcome.Refused<RunView> refused ->
          refused.refusal() instanceof Refusal.InsufficientCredits ic ? ic.run().value() : null;
    };
  }

  private static List<String> balances(TestTeam team) {
    List<String> balances = new ArrayList<>();
    for (String member : List.of("owner", "bob")) {
      var pool = team.poolView(member);
      balances.add(
          "%s available=%d held=%d".formatted(member, pool.availableCredits(), pool.heldCredits()));
    }
    return balances;
  }

  private static Admissions admitRuns(BillingFixture billing) {
    Stores s = billing.stores();
    return new AdmitRuns(
        s.teams(),
        new PoolBook(s.pools(), s.batches(), BillingTerms.defaults(), billing.clock),
        s.runs(),
        new MemberLimitBook(s.memberLimits()),
        billing.transactions,
        new RefusalWording(s.teams(), s.spend()));
  }

  /**
   * Within one list: a key used twice (the second answered from the first's run), a key reused for
   * another prompt, the owner's pool running short, another member's pool, a refused key sent
   * again.
   */
  private record Setup(TestTeam team, List<Admissions.Request> requests) {}

  private static Setup setUp(BillingFixture billing) {
    TestTeam team = billing.aBuildTeam().withMember("bob").withCreditsLeft("owner", 65).build();
    Team read = billing.stores().teams().find(team.id).orElseThrow();
    List<Admissions.Request> requests = new ArrayList<>();
    String[][] asked = {
      {"owner", "p", "a"},
      {"owner", "p", "a"},
      {"owner", "another prompt", "a"},
      {"owner", "p", null},
      {"owner", "p", null},
      {"owner", "p", null},
      {"bob", "p", null},
      {"owner", "p", "b"},
      {"owner", "p", "b"},
    };
    for (int i = 0; i < asked.length; i++) {
      var member = team.memberId(asked[i][0]);
      var billed =
          ((PrincipalResolution.Billed) PrincipalResolver.resolve(read, Trigger.USER, member))
              .pool();
      var submission =
          new Candidate.Submission(
              new RunId("task_" + i),
              team.id,
              Trigger.USER,
              member,
              null,
              asked[i][1],
              billing.clock.instant(),
              null);
      requests.add(new Admissions.Request(submission, asked[i][2], billed, read, null));
    }
    return new Setup(team, requests);
  }

  private static List<String> runsAndBalances(BillingFixture billing, TestTeam team) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      found.add(
          billing
              .stores()
              .runs()
              .find(new RunId("task_" + i))
              .map(run -> run.id() + " " + run.state() + " held=" + run.hold().total())
              .orElse("no task_" + i));
    }
    for (String member : List.of("owner", "bob")) {
      var pool = team.poolView(member);
      found.add(
          "%s available=%d held=%d".formatted(member, pool.availableCredits(), pool.heldCredits()));
    }
    return found;
  }

  private static String summary(Admissions.Result result) {
    return switch (result) {
      case Admissions.Result.Accepted accepted -> "accepted " + accepted.run().id();
      case Admissions.Result.Answered answered ->
          switch (answered.outcome()) {
            case Outcome.Ok<RunView> ok ->
                "ok replayed=" + ok.replayed() + " " + ok.value().taskId();
            case Outcome.Refused<RunView> refused ->
                (refused.refusal().getClass().getSimpleName()
                        + " replayed="
                        + refused.replayed()
                        + " "
                        + (refused.refusal() instanceof Refusal.InsufficientCredits ic
                            ? ic.run().value()
                            : ""))
                    .strip();
          };
      case Admissions.Result.NeedsReload needs -> "needs reload";
      case Admissions.Result.TeamChanged changed -> "team changed";
    };
  }

  private static Admissions recording(Admissions admissions, List<Integer> batchSizes) {
    return new Admissions() {
      @Override
      public List<Result> admitAll(List<Request> requests) {
        batchSizes.add(requests.size());
        return admissions.admitAll(requests);
      }
    };
  }
}
