package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crashes of the default store: the real jar on its embedded PostgreSQL, in a data directory of its
 * own, under load. The service is killed with SIGKILL and started again on the same data (its
 * watchdog stops the server, or, when the watchdog dies too, the next start stops the server left
 * behind); the database's processes are killed with SIGKILL while the service runs (it answers 503
 * until it has started its server again, by itself). Every request answered 2xx is in the ledger,
 * and retries under the same keys charge nothing twice.
 */
class EmbeddedStoreCrashIT {
  private static final String OPERATOR = "reliability-embedded-operator-0123456789";
  private static final String SCHEMA = "public";
  private static final Figures FIGURES = new Figures(EmbeddedStoreCrashIT.class);

  private Path dataDir;
  private EmbeddedStore store;
  private JarService service;
  private Http http;
  private Journal journal;
  private RunsLoad load;

  @BeforeEach
  void start() throws IOException {
    dataDir = Files.createTempDirectory("agent-credits-embedded-crash");
    store = new EmbeddedStore(dataDir);
    service = new JarService(environment(dataDir), log("service-" + dataDir.getFileName()));
    service.start();
    http = new Http(service.port(), Duration.ofSeconds(20));
    journal = new Journal(null, null, SCHEMA);
    load = new RunsLoad(http, OPERATOR, journal);
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    store.serverProcesses().forEach(ProcessHandle::destroyForcibly);
    EmbeddedStore.deleteRecursively(dataDir);
  }

  @AfterAll
  static void figures() {
    FIGURES.write();
  }

  @Test
  void kill_9_of_the_service_then_a_restart_on_its_data_loses_and_doubles_nothing() {
    for (int crash = 1; crash <= 2; crash++) {
      boolean watchdogDiesToo = crash % 2 == 0;
      int before = journal.size();
      long server = store.postmaster().orElseThrow().pid();
      try (var workers = new Load.Workers(8, worker -> load.step())) {
        Load.pause(Duration.ofMillis(ThreadLocalRandom.current().nextLong(800, 2_000)));
        if (watchdogDiesToo) {
          EmbeddedStore.watchdogOf(service).orElseThrow().destroyForcibly();
        }
        service.kill9();
        workers.stop();
      }
      long killedAt = System.nanoTime();
      if (watchdogDiesToo) {
        Load.pause(Duration.ofMillis(500));
        assertThat(store.postmaster().map(ProcessHandle::pid))
            .as("with the watchdog dead too, the server outlives the service")
            .contains(server);
      } else {
        awaitServerGone(server);
      }
      service.start();
      double secondsToServe = (System.nanoTime() - killedAt) / 1e9;
      assertThat(store.postmaster().orElseThrow().pid()).isNotEqualTo(server);

      List<Call> round = journal.since(before);
      long acknowledged = round.stream().filter(c -> c.success() != null).count();
      long cutOff = round.stream().filter(c -> !c.last().answered()).count();
      Journal now = checkedOnTheRunningServer();
      assertThat(now.missingFromLedger()).as("2xx answers missing after crash %d", crash).isEmpty();
      Bank.Audit audit = audit();
      assertThat(audit.failures()).as("bank check after crash %d", crash).isEmpty();
      journal.matching(Call::unresolved).forEach(call -> call.send(http));
      FIGURES.add(
          "service kill -9 %d (%s): %d requests, %d acknowledged, 0 lost, %d cut off; serving"
              + " again %.1f s after the kill; bank check %s",
          crash,
          watchdogDiesToo
              ? "watchdog killed too, the left-over server stopped at the next start"
              : "the watchdog stopped the server",
          round.size(),
          acknowledged,
          cutOff,
          secondsToServe,
          audit);
    }
    load.retryUntilResolved();
    Journal now = checkedOnTheRunningServer();
    assertThat(now.missingFromLedger()).isEmpty();
    assertThat(now.effectsNotOnce()).isEmpty();
    assertThat(audit().failures()).isEmpty();
    FIGURES.add(
        "service kill -9 x2: %d calls, %d succeeded after retries under their keys; none lost,"
            + " none charged twice",
        journal.size(), journal.matching(c -> c.success() != null).size());
  }

  @Test
  void kill_9_of_the_database_answers_503_until_the_service_restarted_it_and_loses_no_201() {
    long killedAt;
    long servedAgainAt = 0;
    long server;
    int before;
    try (var workers = new Load.Workers(8, worker -> load.step())) {
      Load.pause(Duration.ofMillis(1_500));
      List<ProcessHandle> processes = store.serverProcesses();
      server = processes.getFirst().pid();
      before = journal.size();
      killedAt = System.nanoTime();
      processes.forEach(ProcessHandle::destroyForcibly);
      long deadline = killedAt + Duration.ofSeconds(60).toNanos();
      while (servedAgainAt == 0 && System.nanoTime() < deadline) {
        servedAgainAt =
            journal.since(before).stream()
                .flatMap(c -> c.answers().stream())
                .filter(a -> a.status() == 201 && a.startedAt() > killedAt)
                .mapToLong(a -> a.startedAt() + a.nanos())
                .min()
                .orElse(0);
        Load.pause(Duration.ofMillis(100));
      }
      Load.pause(Duration.ofSeconds(1));
      workers.stop();
    }
    assertThat(servedAgainAt).as("a 201 after the database was killed").isPositive();
    long killed = killedAt;
    long servedAgain = servedAgainAt;
    assertThat(service.alive()).as("the service keeps running").isTrue();
    assertThat(store.postmaster().orElseThrow().pid()).isNotEqualTo(server);
    List<Answer> during =
        journal.since(before).stream()
            .flatMap(c -> c.answers().stream())
            .filter(a -> a.startedAt() + a.nanos() > killed && a.startedAt() < servedAgain)
            .toList();
    long unavailable = during.stream().filter(a -> a.code().equals("resource_unavailable")).count();
    assertThat(during)
        .as("answers while the database was down")
        .allSatisfy(a ->
            assertThat(a.status() < 500 || a.code().equals("resource_unavailable"))
                .as(a.toString())
                .isTrue());
    long acknowledged = journal.matching(c -> c.success() != null).size();
    assertThat(checkedOnTheRunningServer().missingFromLedger()).isEmpty();

    service.kill9();
    service.start();
    load.retryUntilResolved();
    Journal now = checkedOnTheRunningServer();
    assertThat(now.missingFromLedger()).as("after a restart of the service").isEmpty();
    assertThat(now.effectsNotOnce()).isEmpty();
    assertThat(audit().failures()).isEmpty();
    FIGURES.add(
        "database kill -9 (postmaster and its %s): the service stayed up, answered 503"
            + " resource_unavailable %d times and served again %.1f s after the kill, on a server"
            + " it started itself; %d requests acknowledged, 0 lost (checked again after a kill -9"
            + " and restart of the service)",
        "processes", unavailable, (servedAgainAt - killedAt) / 1e9, acknowledged);
  }

  @Test
  void a_second_service_on_the_same_data_directory_refuses_and_changes_nothing()
      throws IOException {
    long server = store.postmaster().orElseThrow().pid();
    Path lock = dataDir.resolve("postgres.lock");
    String lockBefore = Files.readString(lock);
    var second = new JarService(environment(dataDir), log("second-" + dataDir.getFileName()));

    int status = second.startAndExpectExit(Duration.ofSeconds(60));

    assertThat(status).isEqualTo(1);
    assertThat(second.lastOutput())
        .contains(dataDir.resolve("postgres").toAbsolutePath().toString())
        .contains("is in use by another Agent Credits service (PID " + service.handle().pid());
    assertThat(Files.readString(lock)).isEqualTo(lockBefore);
    assertThat(store.postmaster().orElseThrow().pid()).isEqualTo(server);
    Tenants.expect(http.get(load.teams().getFirst().path() + "/billing", OPERATOR), 200);
    FIGURES.add(
        "a second service on the same data directory exits with 1: \"%s\"",
        second
            .lastOutput()
            .lines()
            .filter(l -> l.contains("could not start:"))
            .findFirst()
            .orElse(""));
  }

  private Journal checkedOnTheRunningServer() {
    TestPostgres db = store.db();
    return journal.on(db, db.urlFor("reliability-journal"));
  }

  private Bank.Audit audit() {
    TestPostgres db = store.db();
    try (Bank bank = new Bank(db, db.urlFor("reliability-bank"), SCHEMA)) {
      return bank.audit();
    }
  }

  private void awaitServerGone(long pid) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.nanoTime()).as("the watchdog stops the server").isLessThan(deadline);
      Load.pause(Duration.ofMillis(50));
    }
  }

  private static Map<String, String> environment(Path dataDir) {
    return new EmbeddedStore(dataDir).jarEnvironment(OPERATOR);
  }

  private static Path log(String name) {
    return Path.of("target", "reliability", "embedded-crash-" + name + ".log");
  }
}
