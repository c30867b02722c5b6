package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.BillingFixtures.ok;
import static dev.agentcredits.adapter.persistence.postgres.BillingFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.ConfigureAutoReloadCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.PurchaseAddOnCommand;
import dev.agentcredits.application.port.in.RaiseSpendCapCommand;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.application.port.in.view.PurchaseView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.pool.Reconciliation;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import dev.agentcredits.domain.team.Plan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DOMAIN.md rules 5 to 8 under fire: usage running a member pool dry while manual purchases and
 * auto-reloads compete for a small spend cap, from two instances at once.
 */
class ConcurrentSpendTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private static final YearMonth MONTH = YearMonth.of(2026, 3);
  private static final Money CAP = Money.dollars(50);
  private static final long PRICE_CENTS = 1_000; // 400 credits for $10
  private static final int RUNS = 4;
  private static final int REPORTS_PER_RUN = 15;
  private static final long CREDITS_PER_REPORT = 70;
  private static final int MANUAL_PURCHASES = 6;

  private final TwoInstances service = new TwoInstances(DB);

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void usageAndPurchasesRacingOnOnePoolStayWithinTheCapAndReconcile() throws Exception {
    ProvisionedTeamView provisioned = service.provision(Plan.BUILD);
    TeamId team = new TeamId(provisioned.teamId());
    MemberId owner = new MemberId(provisioned.owner().memberId());
    PoolRef ownerPool = new PoolRef(team, owner);
    ok(
        service
            .instance(0)
            .raiseSpendCap()
            .setMonthlyLimit(new RaiseSpendCapCommand(operator(), team, CAP)));
    ok(
        service
            .instance(1)
            .configureAutoReload()
            .configure(
                new ConfigureAutoReloadCommand(
                    operator(), ownerPool, true, Credits.of(400), Credits.of(100))));
    Caller teamKey = service.teamKeyCaller(team);
    List<RunId> runs = submitRuns(teamKey);
    List<TwoInstances.Request<Outcome<?>>> requests = usageAndPurchases(teamKey, runs, ownerPool);
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong highestSpend = new AtomicLong();
    Future<?> watcher = service.threads().submit(() -> watchSpend(team, done, highestSpend));

    List<Outcome<?>> outcomes = service.race(requests.size(), i -> requests.get(i).send(i));
    done.set(true);
    watcher.get(10, TimeUnit.SECONDS);
    for (RunId run : runs) {
      service.instance(0).completeRun().complete(new RunCommand(teamKey, run));
    }

    assertThat(outcomes)
        .filteredOn(o -> o instanceof Outcome.Refused<?>)
        .allSatisfy(o ->
            assertThat(((Outcome.Refused<?>) o).refusal())
                .isInstanceOf(Refusal.BudgetExceeded.class));
    long spent = DB.persistence().stores().spend().find(team, MONTH).spent().cents();
    assertThat(spent).isLessThanOrEqualTo(CAP.cents());
    assertThat(highestSpend.get()).isLessThanOrEqualTo(CAP.cents());
    assertThat(purchases(team, "SUCCEEDED") * PRICE_CENTS).isEqualTo(spent);
    assertThat(purchases(team, "PENDING")).isZero();
    assertThat(outcomes)
        .filteredOn(o -> o instanceof Outcome.Ok<?> ok && ok.value() instanceof PurchaseView)
        .hasSizeLessThanOrEqualTo((int) (CAP.cents() / PRICE_CENTS));
    Pool pool = DB.persistence().stores().pools().find(PoolIds.forMember(owner)).orElseThrow();
    List<Posting> ledger = DB.persistence().stores().ledger().ofPool(pool.id());
    assertThat(Reconciliation.matches(pool, ledger)).isTrue();
    assertThat(pool.balances().held()).isZero();
    long reported = RUNS * REPORTS_PER_RUN * CREDITS_PER_REPORT;
    assertThat(ledger.stream().filter(p -> p.kind().isCharge()).mapToLong(Posting::credits).sum())
        .as("usage is never dropped: every reported credit is charged, arrears included")
        .isEqualTo(reported);
    assertThat(chargedTo(teamKey, runs)).isEqualTo(reported);
  }

  private List<RunId> submitRuns(Caller teamKey) {
    List<RunId> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      RunView run =
          ok(
              service
                  .instance(i)
                  .submitRun()
                  .submit(new SubmitRunCommand(teamKey, null, null, null, null, "p", null)));
      runs.add(new RunId(run.taskId()));
    }
    return runs;
  }

  /** More usage than plan credits and the cap can pay for, with purchases among the reports. */
  private List<TwoInstances.Request<Outcome<?>>> usageAndPurchases(
      Caller teamKey, List<RunId> runs, PoolRef ownerPool) {
    List<TwoInstances.Request<Outcome<?>>> requests = new ArrayList<>();
    for (int i = 0; i < RUNS * REPORTS_PER_RUN; i++) {
      RunId run = runs.get(i % RUNS);
      UsageId usage = new UsageId("u" + i);
      requests.add(n ->
          service
              .instance(n)
              .reportUsage()
              .report(new ReportUsageCommand(teamKey, run, usage, CREDITS_PER_REPORT)));
    }
    for (int i = 0; i < MANUAL_PURCHASES; i++) {
      requests.add(n ->
          service
              .instance(n)
              .purchaseAddOn()
              .purchase(new PurchaseAddOnCommand(operator(), ownerPool, Credits.of(400), null)));
    }
    Collections.shuffle(requests, new Random(7));
    return requests;
  }

  private long chargedTo(Caller teamKey, List<RunId> runs) {
    long charged = 0;
    for (RunId run : runs) {
      charged +=
          ok(service.instance(1).getRun().get(new RunCommand(teamKey, run))).chargedCredits();
    }
    return charged;
  }

  /** Reads the month's spend over and over while the race runs, remembering the highest. */
  private void watchSpend(TeamId team, AtomicBoolean done, AtomicLong highest) {
    var spend = service.secondPersistence().stores().spend();
    while (!done.get()) {
      highest.accumulateAndGet(spend.find(team, MONTH).spent().cents(), Math::max);
    }
  }

  private long purchases(TeamId team, String state) throws SQLException {
    try (Connection connection = DB.jdbc()) {
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT count(*) FROM purchases WHERE team_id = ? AND state = ?")) {
        query.setString(1, team.value());
        query.setString(2, state);
        try (ResultSet rs = query.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }
  }
}
