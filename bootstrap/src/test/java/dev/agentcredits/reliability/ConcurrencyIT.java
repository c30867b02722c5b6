package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.reliability.Tenants.Team;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DOMAIN.md rule 2 across processes: hundreds of submissions racing on two service instances
 * against one pool of K credits accept exactly ⌊K/20⌋ runs, refuse every other one with
 * insufficient_credits, and leave nothing but the remainder (K mod 20) available. Then a mixed load
 * of runs, usage, completions, retries, purchases and auto-reload on both instances leaves every
 * pool exactly explained by its postings.
 */
class ConcurrencyIT {
  @RegisterExtension static final TwoInstances TWO = new TwoInstances("rel_concurrency");

  private static final String OPERATOR = InProcessService.OPERATOR_KEY;
  private static final Figures FIGURES = new Figures(ConcurrencyIT.class);
  private static final LongAdder SUBMITS = new LongAdder();

  @AfterAll
  static void figures() {
    FIGURES.add("%d racing submissions in all", SUBMITS.sum());
    FIGURES.write();
  }

  /** Seeds: odd ones fund an ENTERPRISE team pool by a grant, even ones a BUILD owner's pool. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 24, 37, 58})
  void racing_submissions_on_two_instances_accept_exactly_what_the_pool_funds(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Tenants tenants = TWO.tenants();
    boolean enterprise = seed % 2 == 1;
    Team team = tenants.create(enterprise ? "ENTERPRISE" : "BUILD", 1, 2, true);
    long k;
    List<Callable<Answer>> submits = new ArrayList<>();
    List<String> keys;
    if (enterprise) {
      // a multiple of 20, or (seed 37) 20n + r: r credits can fund nothing
      k = 20L * random.nextInt(40, 160) + (seed == 37 ? random.nextInt(1, 20) : 0);
      tenants.grant(team, k);
      keys = List.of(team.owner().key(), team.admin().key(), team.member().key(), team.teamKey());
    } else {
      // plan credits plus add-on lots bought before the race; all of it is the owner's pool
      k = 1500;
      for (long denomination : new long[] {400, 1000, 3000}) {
        if (random.nextBoolean()) {
          Tenants.expect(
              purchase(TWO.a(), team, team.owner().id(), team.owner().key(), denomination), 201);
          k += denomination;
        }
      }
      keys = List.of(team.owner().key(), team.teamKey());
    }
    long fundable = k / 20;
    int n = (int) Math.max(300, fundable + 120);
    for (int i = 0; i < n; i++) {
      Http instance = i % 2 == 0 ? TWO.a() : TWO.b();
      String key = keys.get(random.nextInt(keys.size()));
      // on BUILD some runs are SCHEDULED by the admin: billed to the owner's pool as well
      String body =
          !enterprise && i % 5 == 0
              ? "{\"prompt\": \"nightly %d\", \"schedule_id\": \"sch-%d\"}".formatted(i, i)
              : "{\"prompt\": \"race %d\"}".formatted(i);
      String caller = !enterprise && i % 5 == 0 ? team.admin().key() : key;
      submits.add(() -> instance.post("/api/v1/agent/tasks", caller, body));
    }

    List<Answer> answers = Load.all(128, submits);
    SUBMITS.add(n);

    Map<String, Long> outcomes = tally(answers);
    assertThat(outcomes)
        .as("seed %d, K = %d", seed, k)
        .containsOnlyKeys("201", "403 insufficient_credits")
        .containsEntry("201", fundable)
        .containsEntry("403 insufficient_credits", n - fundable);
    String poolPath =
        enterprise
            ? team.path() + "/pool"
            : team.path() + "/members/" + team.owner().id() + "/pool";
    for (Http instance : TWO.both()) {
      JsonNode pool = instance.get(poolPath, team.owner().key()).json();
      assertThat(pool.path("available_credits").asLong()).isEqualTo(k % 20);
      assertThat(pool.path("held_credits").asLong()).isEqualTo(20 * fundable);
    }
    assertThat(TWO.bank().audit().failures()).isEmpty();
    assertThat(TWO.violations()).isEmpty();
    FIGURES.add(
        "seed %d: %s pool of K=%d, %d submissions in 2 instances -> %d accepted (⌊K/20⌋), %d"
            + " insufficient_credits, %d available at the end",
        seed, enterprise ? "ENTERPRISE team" : "BUILD owner", k, n, fundable, n - fundable, k % 20);
  }

  @Test
  void usage_purchases_completions_and_retries_on_two_instances_keep_every_pool_reconciled() {
    Team team = TWO.tenants().create("BUILD", 1, 4, true);
    List<Tenants.Member> people = team.everyone();
    ConcurrentLinkedDeque<String> queued = new ConcurrentLinkedDeque<>();
    ConcurrentLinkedDeque<String> failed = new ConcurrentLinkedDeque<>();
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicLong usageIds = new AtomicLong();
    // the owner's pool reloads by itself within the team's $200 cap, racing manual purchases
    Tenants.expect(
        TWO.a()
            .put(
                team.path() + "/members/" + team.owner().id() + "/auto-reload",
                team.owner().key(),
                "{\"enabled\": true, \"denomination_credits\": 400}"),
        200);

    try (var workers =
        new Load.Workers(
            32,
            worker -> {
              ThreadLocalRandom random = ThreadLocalRandom.current();
              Http http = TWO.any();
              int dice = random.nextInt(100);
              String op;
              Answer answer;
              if (dice < 35) {
                op = "submit";
                String key =
                    random.nextInt(4) == 0
                        ? team.teamKey()
                        : people.get(random.nextInt(people.size())).key();
                answer = http.post("/api/v1/agent/tasks", key, "{\"prompt\": \"mixed\"}");
                if (answer.status() == 201) {
                  queued.add(answer.text("task_id"));
                } else if (answer.status() == 403) {
                  failed.add(answer.text("task_id"));
                }
              } else if (dice < 65) {
                op = "usage";
                String task = pick(queued, random);
                if (task == null) {
                  return;
                }
                answer =
                    http.post(
                        "/api/v1/agent/tasks/" + task + "/usage",
                        random.nextBoolean() ? OPERATOR : team.teamKey(),
                        "{\"usage_id\": \"u-%d\", \"credits\": %d}"
                            .formatted(usageIds.incrementAndGet(), random.nextInt(1, 80)));
                if (answer.ok() && answer.text("state").equals("FAILED")) {
                  queued.remove(task);
                  failed.add(task);
                }
              } else if (dice < 80) {
                op = "complete";
                String task = queued.pollFirst();
                if (task == null) {
                  return;
                }
                answer =
                    http.post(
                        "/api/v1/agent/tasks/" + task + "/complete", team.owner().key(), null);
              } else if (dice < 88) {
                op = "purchase";
                Tenants.Member forWhom = people.get(random.nextInt(people.size()));
                String key = random.nextBoolean() ? forWhom.key() : team.admin().key();
                answer = purchase(http, team, forWhom.id(), key, random.nextBoolean() ? 400 : 1000);
              } else if (dice < 94) {
                op = "retry";
                String task = failed.pollFirst();
                if (task == null) {
                  return;
                }
                answer =
                    http.post("/api/v1/agent/tasks/" + task + "/retry", team.owner().key(), null);
                if (answer.ok()) {
                  queued.add(task);
                } else if (answer.status() == 403) {
                  failed.add(task);
                }
              } else {
                op = "auto-reload";
                Tenants.Member forWhom = people.get(random.nextInt(people.size()));
                answer =
                    http.put(
                        team.path() + "/members/" + forWhom.id() + "/auto-reload",
                        forWhom.key(),
                        "{\"enabled\": %s, \"denomination_credits\": 400}"
                            .formatted(random.nextBoolean()));
              }
              String outcome = op + " " + answer.outcome();
              outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
              if (!expected(op, answer)) {
                unexpected.add(answer.toString());
              }
            })) {
      Load.pause(Duration.ofSeconds(8));
      workers.stop();
    }

    Map<String, Long> tally = new TreeMap<>();
    outcomes.forEach((k, v) -> tally.put(k, v.sum()));
    long requests = tally.values().stream().mapToLong(Long::longValue).sum();
    Bank.Audit audit = TWO.bank().audit();
    FIGURES.add("mixed load on 2 instances, 8 s, 32 clients: %d requests %s", requests, tally);
    FIGURES.add("after the mixed load: %s", audit);
    assertThat(unexpected).isEmpty();
    assertThat(audit.failures()).isEmpty();
    assertThat(TWO.violations()).isEmpty();
    JsonNode billing = TWO.b().get(team.path() + "/billing", team.owner().key()).json();
    assertThat(billing.path("spend_cap").path("month_to_date_spend_cents").asLong())
        .isLessThanOrEqualTo(billing.path("spend_cap").path("monthly_limit_cents").asLong());
  }

  /** The answers a well-behaved service may give to each operation of the mixed load. */
  private static boolean expected(String op, Answer answer) {
    String outcome = answer.outcome();
    return switch (op) {
      case "submit" -> outcome.equals("201") || outcome.equals("403 insufficient_credits");
      case "usage" ->
          outcome.equals("200")
              || outcome.equals("409 conflict")
              || outcome.equals("400 invalid_request");
      case "complete" ->
          outcome.equals("200")
              || outcome.equals("409 conflict")
              || outcome.equals("400 invalid_request");
      case "purchase" -> outcome.equals("201") || outcome.equals("403 budget_exceeded");
      case "retry" ->
          outcome.equals("200")
              || outcome.equals("403 insufficient_credits")
              || outcome.equals("409 conflict")
              || outcome.equals("400 invalid_request");
      case "auto-reload" -> outcome.equals("200");
      default -> false;
    };
  }

  private static String pick(ConcurrentLinkedDeque<String> tasks, ThreadLocalRandom random) {
    String first = tasks.peekFirst();
    String last = tasks.peekLast();
    return random.nextBoolean() ? first : last;
  }

  static Answer purchase(Http http, Team team, String memberId, String key, long denomination) {
    return http.post(
        team.path() + "/members/" + memberId + "/add-on-purchases",
        key,
        "{\"denomination_credits\": " + denomination + "}");
  }

  static Map<String, Long> tally(List<Answer> answers) {
    Map<String, Long> outcomes = new TreeMap<>();
    for (Answer answer : answers) {
      outcomes.merge(answer.outcome(), 1L, Long::sum);
    }
    return outcomes;
  }
}
