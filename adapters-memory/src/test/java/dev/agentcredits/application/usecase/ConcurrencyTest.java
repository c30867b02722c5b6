package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.spend.MonthlySpend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rule 2 under load: concurrent submissions never accept more holds than the pool can fund; rules
 * 6, 7 and 17: concurrent purchases and reloads never take the month over the cap, and a pool never
 * has two reloads in flight.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrencyTest {
  private static final int THREADS = 32;
  private static final long SEED = System.nanoTime();

  @Test
  void thirtyTwoThreadsOnAnEnterprisePoolAcceptExactlyWhatItCanFund() throws Exception {
    BillingFixture billing = new BillingFixture();
    long k = 1_000 + new Random(SEED).nextInt(1_000);
    TestTeam team = billing.anEnterpriseTeam().withMember("bob").withGrant(k).build();

    int accepted = submitUntilRefused(team, t -> t % 2 == 0 ? team.teamKey() : team.key("bob"));

    assertThat(accepted).as("seed %d, K = %d", SEED, k).isEqualTo((int) (k / 20));
    assertThat(team.poolView("owner").heldCredits()).isEqualTo(20L * accepted);
    assertThat(team.available("owner")).isBetween(0L, 19L);
    billing.assertEveryPoolReconciles();
  }

  @Test
  void thirtyTwoThreadsOnTheOwnersPoolThroughATeamKeyAcceptExactlyWhatItCanFund() throws Exception {
    BillingFixture billing = new BillingFixture();
    long spent = new Random(SEED + 1).nextInt(700);
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 1_500 - spent).build();
    long k = team.available("owner");

    int accepted = submitUntilRefused(team, t -> team.teamKey());

    assertThat(accepted).as("seed %d, K = %d", SEED, k).isEqualTo((int) (k / 20));
    assertThat(team.available("owner")).isBetween(0L, 19L);
    billing.assertEveryPoolReconciles();
  }

  @Test
  void concurrentSubmissionsUnderOneRequestKeyStartOneRun() throws Exception {
    for (int round = 0; round < 5; round++) {
      BillingFixture billing = new BillingFixture();
      TestTeam team = billing.aBuildTeam().build();
      SubmitRunCommand command =
          new SubmitRunCommand(team.key("owner"), null, null, null, null, "p", "same-key");
      billing.clock.slowDownReads(Duration.ofMillis(2));

      List<Outcome<RunView>> outcomes =
          Parallel.run(8, t -> billing.app.submitRun().submit(command));
      billing.clock.slowDownReads(Duration.ZERO);

      assertThat(outcomes)
          .as("round %d: every answer is the run or a conflict", round)
          .allSatisfy(o -> {
            if (o instanceof Outcome.Refused<RunView> r) {
              assertThat(r.refusal()).isInstanceOf(Refusal.Conflict.class);
            }
          });
      assertThat(
              outcomes.stream()
                  .filter(o -> o instanceof Outcome.Ok<RunView>)
                  .map(o -> ((Outcome.Ok<RunView>) o).value().taskId())
                  .distinct())
          .as("round %d: one run", round)
          .hasSize(1);
      assertThat(team.poolView("owner").heldCredits()).isEqualTo(20);
    }
  }

  @Test
  void keyedSubmissionsOnOnePoolEachKeepTheirOwnRunUnderTheirOwnKey() throws Exception {
    BillingFixture billing = new BillingFixture();
    TestTeam team = billing.anEnterpriseTeam().withGrant(10_000).build();
    Caller teamKey = team.teamKey();
    billing.clock.slowDownReads(Duration.ofMillis(1));

    List<RunView> runs =
        Parallel.run(
            THREADS,
            t ->
                ok(
                    billing
                        .app
                        .submitRun()
                        .submit(
                            new SubmitRunCommand(
                                teamKey, null, null, null, null, "p" + t, "key-" + t))));
    billing.clock.slowDownReads(Duration.ZERO);

    assertThat(runs.stream().map(RunView::taskId).distinct()).hasSize(THREADS);
    for (int t = 0; t < THREADS; t++) {
      assertThat(
              billing
                  .stores()
                  .runs()
                  .find(new dev.agentcredits.domain.shared.RunId(runs.get(t).taskId()))
                  .orElseThrow()
                  .prompt())
          .as("the run answered to thread %d", t)
          .isEqualTo("p" + t);
    }
    for (int t = 0; t < THREADS; t++) {
      RunView again =
          ok(
              billing
                  .app
                  .submitRun()
                  .submit(
                      new SubmitRunCommand(teamKey, null, null, null, null, "p" + t, "key-" + t)));
      assertThat(again.taskId()).as("key-%d", t).isEqualTo(runs.get(t).taskId());
    }
    assertThat(team.poolView("owner").heldCredits()).isEqualTo(20L * THREADS);
    billing.assertEveryPoolReconciles();
  }

  @Test
  void concurrentReportsOfOneUsageIdChargeItOnce() throws Exception {
    BillingFixture billing = new BillingFixture();
    TestTeam team = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("owner"));

    Parallel.run(THREADS, t -> ok(billing.usage(run, "u-1", 50)));

    assertThat(billing.run(run.taskId()).chargedCredits()).isEqualTo(50);
    assertThat(team.available("owner")).isEqualTo(1_450);
    billing.assertEveryPoolReconciles();
  }

  @Test
  void concurrentPurchasesAndReloadsNeverExceedTheCapNorOverlapOnAPool() throws Exception {
    Map<PoolId, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    Map<PoolId, Integer> mostInFlight = new ConcurrentHashMap<>();
    BillingFixture[] holder = new BillingFixture[1];
    BillingFixture billing =
        new BillingFixture(simulated ->
            new dev.agentcredits.application.testing.InterceptedPayments(
                simulated,
                (purchase, card) -> {
                  Purchase p = purchase;
                  if (p.kind() != PurchaseKind.AUTO_RELOAD) {
                    return simulated.charge(purchase, card);
                  }
                  int now =
                      inFlight
                          .computeIfAbsent(p.pool(), x -> new AtomicInteger())
                          .incrementAndGet();
                  mostInFlight.merge(p.pool(), now, Math::max);
                  try {
                    Thread.sleep(3);
                    return simulated.charge(purchase, card);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  } finally {
                    inFlight.get(p.pool()).decrementAndGet();
                  }
                }));
    holder[0] = billing;
    List<String> names = List.of("owner", "owner", "owner", "bob", "carol");
    TestTeam team =
        billing
            .aBuildTeam()
            .withMember("bob")
            .withMember("carol")
            .withCreditsLeft("owner", 100)
            .withCreditsLeft("bob", 100)
            .withCreditsLeft("carol", 100)
            .withAutoReload("owner", 400, 300)
            .withAutoReload("bob", 1_000)
            .withAutoReload("carol", 400, 200)
            .build();
    long[] denominations = {400, 1_000};

    Parallel.run(
        THREADS,
        t -> {
          Random random = new Random(SEED + t);
          for (int i = 0; i < 12; i++) {
            String member = names.get(random.nextInt(names.size()));
            if (random.nextInt(10) == 0) {
              team.buy(team.key("owner"), member, denominations[random.nextInt(2)]);
              continue;
            }
            Outcome<RunView> submitted = team.submitByIntegrationFor(member);
            if (submitted instanceof Outcome.Ok<RunView>(RunView run, var replayed)) {
              billing.usage(run, "u-" + t + "-" + i, 20 + random.nextInt(200));
              billing.complete(run);
            }
          }
          return null;
        });

    long spent =
        billing
            .stores()
            .spend()
            .find(team.id, MonthlySpend.monthOf(billing.clock.instant()))
            .spent()
            .cents();
    List<DomainEvent> purchased = ofType(billing.takeEvents(), EventType.ADD_ON_PURCHASED);
    long paid =
        purchased.stream()
            .mapToLong(e -> ((EventData.AddOnPurchased) e.data()).price().cents())
            .sum();
    assertThat(spent)
        .as("seed %d: month-to-date spend within the cap", SEED)
        .isLessThanOrEqualTo(20_000);
    assertThat(paid).as("seed %d: the spend is what was bought", SEED).isEqualTo(spent);
    assertThat(purchased)
        .as("seed %d: reloads happened", SEED)
        .anySatisfy(e ->
            assertThat(((EventData.AddOnPurchased) e.data()).kind())
                .isEqualTo(PurchaseKind.AUTO_RELOAD));
    assertThat(mostInFlight.values()).as("reloads in flight per pool").allMatch(n -> n <= 1);
    billing.assertEveryPoolReconciles();
  }

  private static int submitUntilRefused(TestTeam team, java.util.function.IntFunction<Caller> key)
      throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    Parallel.run(
        THREADS,
        t -> {
          Caller caller = key.apply(t);
          while (true) {
            Outcome<RunView> outcome =
                team.billing()
                    .app
                    .submitRun()
                    .submit(new SubmitRunCommand(caller, null, null, null, null, "p", null));
            if (outcome instanceof Outcome.Refused<RunView> refused) {
              assertThat(refused.refusal()).isInstanceOf(Refusal.InsufficientCredits.class);
              return null;
            }
            accepted.incrementAndGet();
          }
        });
    return accepted.get();
  }
}
