package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.reliability.Tenants.Member;
import dev.agentcredits.reliability.Tenants.Team;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under load: the service's database stops taking connections and every
 * session on it is terminated, for eight seconds, while 16 clients keep calling. Requests are
 * answered resource_unavailable (503, retryable) within a bounded time, readiness says the store is
 * down, the service recovers by itself once the database is back, and nothing is half-applied.
 *
 * <p>The service runs on a database of its own, so only its sessions are cut: other suites sharing
 * the server are not touched, and the server itself keeps running.
 */
class DatabaseOutageIT {
  /** A request made while the database is gone: one connection timeout (3 s), and some slack. */
  private static final Duration BOUND = Duration.ofSeconds(5);

  /** Any request, the ones cut off half-way and queued behind the load included. */
  private static final Duration ANY_BOUND = Duration.ofSeconds(10);

  private static final Duration OUTAGE = Duration.ofSeconds(8);
  private static final Set<String> EXPECTED =
      Set.of(
          "200",
          "201",
          "403 insufficient_credits",
          "409 conflict",
          "400 invalid_request",
          "503 resource_unavailable");
  private static final Figures FIGURES = new Figures(DatabaseOutageIT.class);

  private static String database;
  private static String schema;
  private static InProcessService service;
  private static Bank bank;

  @BeforeAll
  static void start() {
    TestPostgres db = TestPostgres.get();
    database = TestPostgres.uniqueName("rel_outage");
    schema = "billing";
    db.createDatabase(database);
    service = InProcessService.on(db.urlOfDatabase(database, "reliability-outage"), schema).start();
    bank = new Bank(db, db.urlOfDatabase(database, "reliability-bank"), schema);
  }

  @AfterAll
  static void stop() {
    TestPostgres db = TestPostgres.get();
    if (database != null) {
      db.allowConnections(database, true);
    }
    if (service != null) {
      service.close();
    }
    if (bank != null) {
      bank.close();
    }
    if (database != null) {
      db.dropDatabase(database);
    }
    FIGURES.write();
  }

  @Test
  void requests_fail_fast_and_retryable_while_the_database_is_gone_and_the_service_recovers() {
    TestPostgres db = TestPostgres.get();
    Http http = service.http();
    Tenants tenants = new Tenants(http, InProcessService.OPERATOR_KEY);
    Team team = tenants.create("ENTERPRISE", 1, 3, true);
    tenants.grant(team, 200_000);
    Journal journal = new Journal(db, db.urlOfDatabase(database, "reliability-journal"), schema);
    ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    AtomicBoolean down = new AtomicBoolean();
    List<Answer> readiness = new java.util.concurrent.CopyOnWriteArrayList<>();
    long outageStart;
    long outageEnd;
    long downFrom;
    long downUntil;
    int terminated = 0;

    try (var workers =
        new Load.Workers(
            16, w -> step(http, team, journal, accepted, ThreadLocalRandom.current()))) {
      Load.pause(Duration.ofMillis(1500));
      outageStart = journal.size();
      db.allowConnections(database, false);
      terminated += db.terminateDatabase(database);
      downFrom = System.nanoTime();
      down.set(true);
      long until = System.nanoTime() + OUTAGE.toNanos();
      try (var probe =
          new Load.Workers(
              1,
              w -> {
                readiness.add(http.get("/health/ready", null));
                Load.pause(Duration.ofMillis(250));
              })) {
        while (System.nanoTime() < until) {
          terminated += db.terminateDatabase(database);
          Load.pause(Duration.ofMillis(100));
        }
        downUntil = System.nanoTime();
        db.allowConnections(database, true);
        probe.stop();
      }
      down.set(false);
      outageEnd = journal.size();
      Load.pause(Duration.ofSeconds(3));
      workers.stop();
    } finally {
      db.allowConnections(database, true);
    }

    List<Call> calls = journal.calls();
    List<Answer> answers = calls.stream().flatMap(c -> c.answers().stream()).toList();
    Map<String, Long> outcomes = ConcurrencyIT.tally(answers);
    Duration slowest =
        answers.stream().map(Answer::elapsed).max(Duration::compareTo).orElse(Duration.ZERO);
    List<Answer> duringOutage =
        answers.stream()
            .filter(a -> a.startedAt() > downFrom && a.startedAt() + a.nanos() < downUntil)
            .toList();
    Duration slowestDuring =
        duringOutage.stream().map(Answer::elapsed).max(Duration::compareTo).orElse(Duration.ZERO);
    List<Answer> unavailable = answers.stream().filter(a -> a.status() == 503).toList();
    List<Call> after = calls.subList((int) outageEnd, calls.size());
    long recovered = after.stream().filter(c -> c.last().ok()).count();
    Answer readyAgain = http.get("/health/ready", null);

    assertThat(EXPECTED).as(outcomes.toString()).containsAll(outcomes.keySet());
    assertThat(unavailable).as("requests refused while the database was gone").isNotEmpty();
    assertThat(unavailable).allMatch(a -> a.json().path("retryable").asBoolean());
    assertThat(duringOutage).isNotEmpty().allMatch(a -> a.status() == 503);
    assertThat(slowestDuring)
        .as("the slowest answer to a request made while it was gone")
        .isLessThan(BOUND);
    assertThat(slowest)
        .as(
            "the slowest answer; the slowest five: %s",
            answers.stream()
                .sorted(java.util.Comparator.comparing(Answer::elapsed).reversed())
                .limit(5)
                .map(a -> a.request() + " " + a.outcome() + " " + a.elapsed().toMillis() + " ms")
                .toList())
        .isLessThan(ANY_BOUND);
    assertThat(readiness)
        .anyMatch(a -> a.status() == 503 && a.body().contains("\"store\":\"DOWN\""));
    assertThat(recovered).as("successes after the database came back, no restart").isPositive();
    assertThat(readyAgain.status()).isEqualTo(200);

    Bank.Audit audit = bank.audit();
    assertThat(audit.failures()).isEmpty();
    assertThat(journal.missingFromLedger()).isEmpty();
    // claims a cut-off request left in flight lapse after two minutes; then clients retry
    Tenants.expect(
        http.post("/api/v1/ops/clock", InProcessService.OPERATOR_KEY, "{\"advance_seconds\": 180}"),
        200);
    List<Call> unresolved = journal.matching(Call::unresolved);
    unresolved.forEach(call -> call.send(http));
    assertThat(journal.matching(Call::unresolved)).isEmpty();
    assertThat(journal.effectsNotOnce()).isEmpty();
    assertThat(bank.audit().failures()).isEmpty();
    assertThat(http.violations()).isEmpty();

    FIGURES.add(
        "database cut off for %d s under 16 clients (%d sessions terminated, new ones refused):"
            + " %d requests %s; the %d made while it was gone all 503, the slowest in %d ms"
            + " (bound %d s); slowest of all %d ms (bound %d s); readiness DOWN while it lasted;"
            + " %d successes after it came back, without a restart",
        OUTAGE.toSeconds(),
        terminated,
        answers.size(),
        new TreeMap<>(outcomes),
        duringOutage.size(),
        slowestDuring.toMillis(),
        BOUND.toSeconds(),
        slowest.toMillis(),
        ANY_BOUND.toSeconds(),
        recovered);
    FIGURES.add(
        "%d calls refused or cut off retried under their keys: each one effect; bank check: %s",
        unresolved.size(), audit);
  }

  private static void step(
      Http http,
      Team team,
      Journal journal,
      ConcurrentLinkedQueue<String> accepted,
      ThreadLocalRandom random) {
    List<Member> people = team.everyone();
    int dice = random.nextInt(100);
    Call call;
    if (dice < 50 || accepted.isEmpty()) {
      String key =
          random.nextInt(4) == 0 ? team.teamKey() : people.get(random.nextInt(people.size())).key();
      call = Call.submit(key, "outage load");
    } else if (dice < 85) {
      String task = accepted.peek();
      call = Call.usage(task, InProcessService.OPERATOR_KEY, random.nextInt(1, 30));
    } else {
      String task = accepted.poll();
      if (task == null) {
        return;
      }
      call = Call.complete(task, team.owner().key());
    }
    journal.send(call, http, accepted);
  }
}
