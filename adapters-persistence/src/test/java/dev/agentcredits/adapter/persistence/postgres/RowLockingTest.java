package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.application.port.out.contract.TestData.T0;
import static dev.agentcredits.application.port.out.contract.WriteBatchBuilder.aBatch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.application.port.out.contract.TestData;
import dev.agentcredits.application.port.out.contract.World;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReserveOutcome;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.spend.MonthlySpend;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Row locks between two instances: what keeps a pool, a month's spend and the outbox consistent
 * when two processes share the database.
 */
class RowLockingTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private final PostgresPersistence first = DB.persistence();
  private final ExecutorService background = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  @Test
  void aLockedPoolKeepsAnotherInstanceWaitingThenShowsItTheCommittedSources() throws Exception {
    World world = World.create(first.stores(), first.transactions());
    Pool credited = world.ownerPool().credit(TestData.plan("plan-1", 100, 0), "refresh", T0).pool();
    aBatch().pool(credited, null).writeTo(first.stores().batches());
    CountDownLatch locked = new CountDownLatch(1);

    try (PostgresPersistence second = DB.open()) {
      Future<Pool> holder =
          background.submit(() ->
              first
                  .transactions()
                  .inTransaction(() -> {
                    Pool pool = first.stores().pools().lock(credited.id()).orElseThrow();
                    locked.countDown();
                    sleep(Duration.ofMillis(400));
                    var reserved =
                        (ReserveOutcome.Reserved) pool.reserve(new RunId("task_1"), 20, T0);
                    aBatch()
                        .pool(reserved.transition().pool(), null)
                        .writeTo(first.stores().batches());
                    return reserved.transition().pool();
                  }));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

      long start = System.nanoTime();
      Pool seen =
          second
              .transactions()
              .inTransaction(() -> second.stores().pools().lock(credited.id()).orElseThrow());
      Duration waited = Duration.ofNanos(System.nanoTime() - start);

      assertThat(waited).isGreaterThan(Duration.ofMillis(200));
      assertThat(seen).isEqualTo(holder.get(10, TimeUnit.SECONDS));
      assertThat(seen.sources().getFirst().reserved()).isEqualTo(20);
    }
  }

  /**
   * A source the holder added is a row the waiting lock's statement could not see: its snapshot was
   * taken before the holder committed (so the pool is locked by one statement and read by another).
   */
  @Test
  void aLockThatWaitedSeesTheSourcesTheHolderAdded() throws Exception {
    World world = World.create(first.stores(), first.transactions());
    Pool pool = world.ownerPool();
    CountDownLatch locked = new CountDownLatch(1);

    try (PostgresPersistence second = DB.open()) {
      Future<Pool> holder =
          background.submit(() ->
              first
                  .transactions()
                  .inTransaction(() -> {
                    Pool held = first.stores().pools().lock(pool.id()).orElseThrow();
                    locked.countDown();
                    sleep(Duration.ofMillis(400));
                    Pool credited =
                        held.credit(
                                TestData.lot("lot-new", 50, 0, T0.plus(Duration.ofDays(90))),
                                "purchase",
                                T0)
                            .pool();
                    aBatch().pool(credited, null).writeTo(first.stores().batches());
                    return credited;
                  }));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

      Pool seen =
          second
              .transactions()
              .inTransaction(() -> second.stores().pools().lock(pool.id()).orElseThrow());

      assertThat(seen).isEqualTo(holder.get(10, TimeUnit.SECONDS));
      assertThat(seen.sources()).extracting(s -> s.id().value()).contains("lot-new");
    }
  }

  @Test
  void twoInstancesLockingAMonthNobodyHasSpentInYetCountBothPurchases() throws Exception {
    World world = World.create(first.stores(), first.transactions());
    YearMonth month = YearMonth.of(2026, 4);
    CountDownLatch created = new CountDownLatch(1);

    try (PostgresPersistence second = DB.open()) {
      Future<?> creator =
          background.submit(() ->
              first
                  .transactions()
                  .inTransaction(() -> {
                    MonthlySpend spend = first.stores().spend().lock(world.team().id(), month);
                    created.countDown();
                    sleep(Duration.ofMillis(300));
                    first.stores().spend().update(spend.plus(Money.dollars(10)));
                    return null;
                  }));
      assertThat(created.await(10, TimeUnit.SECONDS)).isTrue();

      second
          .transactions()
          .inTransaction(() -> {
            MonthlySpend spend = second.stores().spend().lock(world.team().id(), month);
            second.stores().spend().update(spend.plus(Money.dollars(10)));
            return null;
          });
      creator.get(10, TimeUnit.SECONDS);
    }

    assertThat(first.stores().spend().find(world.team().id(), month).spent())
        .isEqualTo(Money.dollars(20));
  }

  @Test
  void relaysOnTwoInstancesClaimDifferentEventsWithoutWaiting() throws Exception {
    TeamId team = new TeamId("team_relay");
    for (int i = 0; i < 4; i++) {
      first.stores().outbox().append(List.of(TestData.event(team, "task_" + i, T0)));
    }
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<List<OutboxEvent>> firstRelay =
        background.submit(() ->
            first
                .transactions()
                .inTransaction(() -> {
                  List<OutboxEvent> batch = first.stores().outbox().claim(2);
                  claimed.countDown();
                  await(release);
                  first
                      .stores()
                      .outbox()
                      .markPublished(
                          batch.stream().map(OutboxEvent::sequence).toList(),
                          java.time.Instant.now());
                  return batch;
                }));
    assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

    List<OutboxEvent> secondBatch;
    try (PostgresPersistence second = DB.open()) {
      secondBatch = second.transactions().inTransaction(() -> second.stores().outbox().claim(10));
    }
    release.countDown();

    assertThat(firstRelay.get(10, TimeUnit.SECONDS))
        .extracting(e -> DB.encoder().event(e.event().id()).subject())
        .containsExactly("task_0", "task_1");
    assertThat(secondBatch)
        .extracting(e -> DB.encoder().event(e.event().id()).subject())
        .containsExactly("task_2", "task_3");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
