package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.application.port.out.contract.TeamBuilder.aTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.team.Team;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiTransactionRunnerTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private final JdbiTransactionRunner tx = (JdbiTransactionRunner) DB.persistence().transactions();
  private final Stores stores = DB.persistence().stores();

  /** Makes the database itself fail the current statement with {@code sqlState}. */
  private void databaseFails(String sqlState) {
    tx.withHandle(handle ->
        handle.execute(
            "DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = '" + sqlState + "'; END $$"));
  }

  @Test
  void aSerializationFailureRunsTheWholeWorkAgainOnAFreshTransaction() {
    AtomicInteger attempts = new AtomicInteger();
    Team[] teams = {aTeam().build(), aTeam().build(), aTeam().build()};

    Team kept =
        tx.inTransaction(() -> {
          Team team = teams[attempts.getAndIncrement()];
          stores.teams().insert(team);
          if (attempts.get() < 3) {
            databaseFails("40001");
          }
          return team;
        });

    assertThat(attempts).hasValue(3);
    assertThat(kept).isSameAs(teams[2]);
    assertThat(stores.teams().find(teams[0].id())).isEmpty();
    assertThat(stores.teams().find(teams[1].id())).isEmpty();
    assertThat(stores.teams().find(teams[2].id())).contains(teams[2]);
  }

  @Test
  void aDeadlockReportRunsTheWorkAgain() {
    AtomicInteger attempts = new AtomicInteger();

    int result =
        tx.inTransaction(() -> {
          if (attempts.incrementAndGet() == 1) {
            databaseFails("40P01");
          }
          return 7;
        });

    assertThat(result).isEqualTo(7);
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aRealDeadlockIsBrokenAndBothTransactionsComplete() throws Exception {
    Team first = aTeam().build();
    Team second = aTeam().build();
    stores.teams().insert(first);
    stores.teams().insert(second);
    CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
    AtomicInteger attempts = new AtomicInteger();

    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> forward =
          threads.submit(() -> lockInOrder(first, second, bothHoldOneRow, attempts));
      Future<?> backward =
          threads.submit(() -> lockInOrder(second, first, bothHoldOneRow, attempts));
      forward.get(30, TimeUnit.SECONDS);
      backward.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    // One victim, run again once the other committed: the last to commit wrote both rows.
    assertThat(attempts).hasValue(3);
    long firstCap = stores.teams().find(first.id()).orElseThrow().monthlySpendCap().cents();
    long secondCap = stores.teams().find(second.id()).orElseThrow().monthlySpendCap().cents();
    assertThat(List.of(firstCap, secondCap)).containsAnyOf(1L, 2L).doesNotHaveDuplicates();
  }

  private void lockInOrder(Team a, Team b, CyclicBarrier barrier, AtomicInteger attempts) {
    boolean[] firstAttempt = {true};
    tx.inTransaction(() -> {
      attempts.incrementAndGet();
      stores.teams().update(a.withMonthlySpendCap(Money.cents(1)));
      if (firstAttempt[0]) {
        firstAttempt[0] = false;
        await(barrier);
      }
      stores.teams().update(b.withMonthlySpendCap(Money.cents(2)));
      return null;
    });
  }

  @Test
  void retriesStopAfterThreeAndTheCallerHearsTheDatabaseIsUnavailable() {
    AtomicInteger attempts = new AtomicInteger();

    Throwable thrown =
        catchThrowable(() ->
            tx.inTransaction(() -> {
              attempts.incrementAndGet();
              databaseFails("40001");
              return null;
            }));

    assertThat(thrown).isInstanceOf(ResourceUnavailableException.class);
    assertThat(attempts).hasValue(1 + JdbiTransactionRunner.MAX_RETRIES);
  }

  @Test
  void otherDatabaseErrorsAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();

    Throwable thrown =
        catchThrowable(() ->
            tx.inTransaction(() -> {
              attempts.incrementAndGet();
              databaseFails("23505");
              return null;
            }));

    assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("23505");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anApplicationExceptionIsNeitherRetriedNorWrapped() {
    AtomicInteger attempts = new AtomicInteger();
    RuntimeException refusal = new UnsupportedOperationException("refused");

    Throwable thrown =
        catchThrowable(() ->
            tx.inTransaction(() -> {
              attempts.incrementAndGet();
              throw refusal;
            }));

    assertThat(thrown).isSameAs(refusal);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aConnectionKilledMidTransactionRunsTheWorkAgainOnAnotherConnection() {
    AtomicInteger attempts = new AtomicInteger();
    Team team = aTeam().build();

    tx.inTransaction(() -> {
      stores.teams().insert(team);
      if (attempts.incrementAndGet() == 1) {
        tx.withHandle(handle ->
            handle
                .createQuery("SELECT pg_terminate_backend(pg_backend_pid())")
                .mapTo(Boolean.class)
                .one());
      }
      return null;
    });

    assertThat(attempts).hasValue(2);
    assertThat(stores.teams().find(team.id())).contains(team);
  }

  @Test
  void anUnreachableDatabaseIsResourceUnavailableAndTheWorkNeverRuns() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
    config.setUsername("postgres");
    config.setConnectionTimeout(250);
    config.setInitializationFailTimeout(-1);
    AtomicInteger attempts = new AtomicInteger();
    try (HikariDataSource unreachable = new HikariDataSource(config)) {
      JdbiTransactionRunner runner = new JdbiTransactionRunner(JdbiSetup.create(unreachable));

      Throwable thrown = catchThrowable(() -> runner.inTransaction(attempts::incrementAndGet));

      assertThat(thrown).isInstanceOf(ResourceUnavailableException.class);
      assertThat(attempts).hasValue(0);
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
