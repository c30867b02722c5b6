package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.reliability.Call.Kind;
import dev.agentcredits.reliability.Tenants.Member;
import dev.agentcredits.reliability.Tenants.Team;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crashes: the real jar, on PostgreSQL with a manual clock, is killed with SIGKILL under load six
 * times and started again. After each crash the postings still explain every pool and every request
 * answered 2xx is in the ledger; clients then retry what got no answer, under the same key, and
 * nothing is charged twice; finally open holds resolve by their time to live.
 */
class CrashIT {
  private static final String OPERATOR = "reliability-crash-operator-0123456789";
  private static final int CRASHES = 6;
  private static final long SEED = Long.getLong("reliability.seed", 20310305L);
  private static final Figures FIGURES = new Figures(CrashIT.class);

  private static String schema;
  private static JarService service;
  private static Http http;
  private static Bank bank;

  @BeforeAll
  static void start() {
    TestPostgres db = TestPostgres.get();
    schema = TestPostgres.uniqueName("rel_crash");
    Map<String, String> env =
        Map.of(
            "AGENT_CREDITS_STORE",
            "postgres",
            "AGENT_CREDITS_DB_URL",
            db.urlFor("reliability-crash"),
            "AGENT_CREDITS_DB_USER",
            db.user,
            "AGENT_CREDITS_DB_PASSWORD",
            db.password,
            "AGENT_CREDITS_DB_SCHEMA",
            schema,
            "AGENT_CREDITS_CLOCK",
            "manual",
            "AGENT_CREDITS_CLOCK_START",
            InProcessService.CLOCK_START.toString(),
            "AGENT_CREDITS_OPERATOR_KEY",
            OPERATOR,
            "AGENT_CREDITS_BROKER",
            "memory");
    service = new JarService(env, Path.of("target", "reliability", "crash-service.log"));
    service.start();
    http = new Http(service.port(), Duration.ofSeconds(20));
    bank = new Bank(db, db.urlFor("reliability-bank"), schema);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (bank != null) {
      bank.close();
    }
    if (schema != null) {
      TestPostgres.get().dropSchema(schema);
    }
    FIGURES.write();
  }

  @Test
  void kill_9_under_load_loses_nothing_charges_nothing_twice_and_holds_resolve() {
    Tenants tenants = new Tenants(http, OPERATOR);
    List<Team> teams = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      teams.add(tenants.create("BUILD", 1, 2, true));
    }
    Team enterprise = tenants.create("ENTERPRISE", 1, 2, true);
    tenants.grant(enterprise, 50_000);
    teams.add(enterprise);
    // reloads can be cut off half-way too: payment taken, lot not yet credited
    for (Team team : teams.subList(0, 2)) {
      Tenants.expect(
          http.put(
              team.path() + "/members/" + team.owner().id() + "/auto-reload",
              team.owner().key(),
              "{\"enabled\": true, \"denomination_credits\": 400}"),
          200);
    }
    Journal journal =
        new Journal(TestPostgres.get(), TestPostgres.get().urlFor("reliability-journal"), schema);
    ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    SplittableRandom seeds = new SplittableRandom(SEED);
    long answeredUnderLoad = 0;
    long cutOff = 0;

    for (int crash = 1; crash <= CRASHES; crash++) {
      int before = journal.size();
      try (var workers =
          new Load.Workers(
              24, worker -> step(teams, journal, accepted, ThreadLocalRandom.current()))) {
        Load.pause(Duration.ofMillis(seeds.nextLong(800, 2_500)));
        service.kill9();
        workers.stop();
      }
      List<Call> round = journal.since(before);
      answeredUnderLoad += round.stream().filter(c -> c.last().answered()).count();
      long unanswered = round.stream().filter(c -> !c.last().answered()).count();
      cutOff += unanswered;

      Bank.Audit afterCrash = bank.audit();
      List<String> missing = journal.missingFromLedger();
      assertThat(afterCrash.failures()).as("bank check after crash %d", crash).isEmpty();
      assertThat(missing).as("2xx answers missing after crash %d", crash).isEmpty();

      service.start();
      List<Call> unresolved = journal.matching(Call::unresolved);
      unresolved.forEach(call -> call.send(http));
      FIGURES.add(
          "crash %d (kill -9 after %d requests, %d cut off): bank check %s; restarted, %d"
              + " unresolved calls retried under their keys",
          crash, round.size(), unanswered, afterCrash, unresolved.size());
    }

    // Claims left "in flight" by a crash lapse after two minutes; interrupted purchases are paid
    // again after thirty seconds: move the manual clock past both, then every client retries.
    advance(Duration.ofMinutes(3));
    List<Call> unresolved = journal.matching(Call::unresolved);
    unresolved.forEach(call -> call.send(http));
    List<Call> stillUnresolved = journal.matching(Call::unresolved);
    assertThat(stillUnresolved).as("every retried call is answered").isEmpty();
    assertThat(journal.missingFromLedger()).isEmpty();
    assertThat(journal.effectsNotOnce()).isEmpty();
    Bank.Audit afterRetries = bank.audit();
    assertThat(afterRetries.failures()).isEmpty();

    long queued =
        TestPostgres.get().count("SELECT count(*) FROM " + schema + ".runs WHERE state = 'QUEUED'");
    advance(Duration.ofHours(24).plusMinutes(1));
    long stillQueued =
        TestPostgres.get().count("SELECT count(*) FROM " + schema + ".runs WHERE state = 'QUEUED'");
    long reserved =
        TestPostgres.get()
            .count("SELECT coalesce(sum(reserved), 0) FROM " + schema + ".credit_sources");
    Bank.Audit last = bank.audit();
    assertThat(stillQueued).isZero();
    assertThat(reserved).isZero();
    assertThat(last.failures()).isEmpty();
    assertThat(http.violations()).isEmpty();
    List<String> keys = new ArrayList<>(List.of(OPERATOR));
    teams.forEach(team -> {
      team.everyone().forEach(m -> keys.add(m.key()));
      keys.add(team.teamKey());
    });
    assertThat(Secrets.inText(service.output().lines().toList(), keys))
        .as("keys in the service's output")
        .isEmpty();
    long successes = journal.matching(c -> c.success() != null).size();
    FIGURES.add(
        "%d crashes survived (%d starts of the jar); %d calls, %d answered under load, %d cut off"
            + " by a crash; after retries under the same keys %d succeeded, none lost, none"
            + " charged twice (%d final retries)",
        CRASHES,
        service.starts(),
        journal.size(),
        answeredUnderLoad,
        cutOff,
        successes,
        unresolved.size());
    FIGURES.add(
        "%d holds open after the last crash resolved by their 24 h time to live; final bank check: %s",
        queued, last);
  }

  /** One client request of the load, recorded before it is sent. */
  private static void step(
      List<Team> teams,
      Journal journal,
      ConcurrentLinkedQueue<String> accepted,
      ThreadLocalRandom random) {
    Team team = teams.get(random.nextInt(teams.size()));
    List<Member> people = team.everyone();
    int dice = random.nextInt(100);
    Call call;
    if (dice < 45 || accepted.isEmpty()) {
      String key =
          random.nextInt(4) == 0 ? team.teamKey() : people.get(random.nextInt(people.size())).key();
      call = Call.submit(key, "crash load");
    } else if (dice < 75) {
      String task = random.nextBoolean() ? accepted.peek() : pickAny(accepted, random);
      call = Call.usage(task, OPERATOR, random.nextInt(1, 50));
    } else if (dice < 87) {
      String task = accepted.poll();
      if (task == null) {
        return;
      }
      call = Call.complete(task, OPERATOR);
    } else {
      if (team.plan().equals("ENTERPRISE")) {
        return;
      }
      Member buyer = people.get(random.nextInt(people.size()));
      call =
          new Call(
              Kind.PURCHASE,
              "POST",
              team.path() + "/members/" + buyer.id() + "/add-on-purchases",
              buyer.key(),
              "{\"denomination_credits\": 400}",
              "buy-" + UUID.randomUUID());
    }
    Answer answer = journal.send(call, http, accepted);
    if (!answer.answered()) {
      Load.pause(Duration.ofMillis(50));
    }
  }

  private static String pickAny(ConcurrentLinkedQueue<String> tasks, ThreadLocalRandom random) {
    Object[] all = tasks.toArray();
    return all.length == 0 ? null : (String) all[random.nextInt(all.length)];
  }

  private static void advance(Duration by) {
    Tenants.expect(
        http.post("/api/v1/ops/clock", OPERATOR, "{\"advance_seconds\": " + by.toSeconds() + "}"),
        200);
  }
}
