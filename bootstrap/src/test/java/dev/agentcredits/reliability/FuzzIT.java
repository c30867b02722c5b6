package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.reliability.Tenants.Team;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At least 10,000 generated requests (see {@link Fuzzer}; seed {@code -Dreliability.seed}, default
 * 20310305) from four workers, each with teams of its own: no answer is a server error, every
 * answer is one the OpenAPI document allows, and no refused request (4xx) changes the ledger or the
 * billing of the teams it could reach, compared before and after each request.
 */
class FuzzIT {
  private static final int WORKERS = 4;
  private static final int PER_WORKER = 2_600;
  private static final long SEED = Long.getLong("reliability.seed", 20310305L);
  private static final Figures FIGURES = new Figures(FuzzIT.class);

  private static String schema;
  private static InProcessService service;

  @BeforeAll
  static void start() {
    TestPostgres db = TestPostgres.get();
    schema = TestPostgres.uniqueName("rel_fuzz");
    // the system clock: nothing falls due during the run, and no request can move time
    service = InProcessService.on(db.urlFor("reliability-fuzz"), schema).systemClock().start();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (schema != null) {
      TestPostgres.get().dropSchema(schema);
    }
    FIGURES.write();
  }

  /** What one worker saw. */
  private record Result(int sent, int skipped, Map<String, Long> statuses, List<String> failures) {}

  @Test
  void generated_requests_get_no_server_error_no_undocumented_answer_and_refusals_change_nothing() {
    List<Callable<Result>> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      Fuzzer.Targets targets = targets();
      long seed = SEED + w;
      workers.add(() -> fuzz(new Fuzzer(seed, targets), targets));
    }

    List<Result> results = Load.all(WORKERS, workers);

    int sent = results.stream().mapToInt(Result::sent).sum();
    int skipped = results.stream().mapToInt(Result::skipped).sum();
    Map<String, Long> statuses = new TreeMap<>();
    results.forEach(r -> r.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum)));
    List<String> failures = results.stream().flatMap(r -> r.failures().stream()).toList();
    List<String> contract = service.http().violations();
    long serverErrors =
        statuses.entrySet().stream()
            .filter(e -> e.getKey().startsWith("5"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    long changedByRefusal = failures.stream().filter(f -> f.startsWith("refused with")).count();
    long unanswered = failures.stream().filter(f -> f.startsWith("no answer")).count();
    FIGURES.add(
        "%d generated requests (seed %d, %d workers): %d server errors, %d answers outside the"
            + " OpenAPI document, %d refusals that changed the ledger or billing, %d requests"
            + " without an answer; statuses %s (%d more the HTTP client would not send)",
        sent,
        SEED,
        WORKERS,
        serverErrors,
        contract.size() + failures.size() - changedByRefusal - unanswered,
        changedByRefusal,
        unanswered,
        statuses,
        skipped);
    Figures.details(
        "FuzzIT-findings.txt",
        java.util.stream.Stream.concat(failures.stream(), contract.stream()).toList());
    assertThat(sent).isGreaterThanOrEqualTo(10_000);
    assertThat(skipped).isLessThan(sent / 100);
    assertThat(failures).isEmpty();
    assertThat(contract).isEmpty();
    assertThat(serverErrors).isZero();
  }

  private static Result fuzz(Fuzzer fuzzer, Fuzzer.Targets targets) throws SQLException {
    Http http = service.http();
    String[] teams = {targets.home().id(), targets.enterprise().id(), targets.victim().id()};
    Map<String, Long> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int skipped = 0;
    String previous = "nothing";
    try (Connection c = TestPostgres.get().connect()) {
      Snapshot last = Snapshot.of(c, schema, teams);
      for (int i = 0; i < PER_WORKER; i++) {
        Fuzzer.Request request = fuzzer.next();
        Answer answer;
        if (request.raw() != null) {
          answer = RawHttp.send(service.port(), request.describe(), request.raw());
          if (answer.status() >= 400) {
            List<String> wrong = new ArrayList<>();
            Contract.problem(answer, wrong);
            wrong.forEach(w -> failures.add(request.describe() + ": " + w));
          }
        } else {
          try {
            answer =
                http.raw(
                    request.method(),
                    request.path(),
                    request.key(),
                    request.headers(),
                    request.body());
          } catch (IllegalArgumentException e) {
            skipped++; // the HTTP client itself refuses to send it
            continue;
          }
        }
        statuses.merge(
            answer.answered() ? Integer.toString(answer.status()) : "no answer", 1L, Long::sum);
        if (!answer.answered()) {
          failures.add(
              "no answer to "
                  + request.describe()
                  + ": "
                  + answer.body()
                  + " (after "
                  + previous
                  + ")");
        }
        previous = request.describe() + " -> " + answer.outcome() + " " + answer.headers().map();
        Snapshot now = Snapshot.of(c, schema, teams);
        if (answer.status() >= 400 && answer.status() < 500 && !now.equals(last)) {
          failures.add(
              "refused with "
                  + answer.outcome()
                  + " yet changed the ledger or billing: "
                  + request.describe()
                  + "\nbefore "
                  + last.state()
                  + "\nafter  "
                  + now.state());
        }
        last = now;
      }
    }
    return new Result(PER_WORKER - skipped, skipped, statuses, failures);
  }

  /**
   * A worker's world: its team (with a revoked key and some runs), an ENTERPRISE team, a victim.
   */
  private static Fuzzer.Targets targets() {
    Http http = service.http();
    String operator = InProcessService.OPERATOR_KEY;
    Tenants tenants = new Tenants(http, operator);
    Team home = tenants.create("BUILD", 1, 1, true);
    Team enterprise = tenants.create("ENTERPRISE", 0, 1, true);
    tenants.grant(enterprise, 10_000);
    Team victim = tenants.create("BUILD", 0, 1, true);
    Answer issued = http.post(home.path() + "/api-keys", operator, "{\"name\": \"revoked\"}");
    Tenants.expect(issued, 201);
    Tenants.expect(http.delete(home.path() + "/api-keys/" + issued.text("key_id"), operator), 204);
    List<String> tasks = new ArrayList<>();
    for (String key :
        List.of(
            home.member().key(), home.owner().key(), home.teamKey(), enterprise.member().key())) {
      Answer submitted = http.post("/api/v1/agent/tasks", key, "{\"prompt\": \"fuzz target\"}");
      Tenants.expect(submitted, 201);
      tasks.add(submitted.text("task_id"));
    }
    Tenants.expect(
        http.post("/api/v1/agent/tasks/" + tasks.get(1) + "/complete", home.owner().key(), null),
        200);
    Answer victimTask =
        http.post("/api/v1/agent/tasks", victim.member().key(), "{\"prompt\": \"not yours\"}");
    Tenants.expect(victimTask, 201);
    return new Fuzzer.Targets(
        operator,
        home,
        enterprise,
        victim,
        issued.text("key_id"),
        issued.text("api_key"),
        tasks,
        List.of(victimTask.text("task_id")));
  }
}
