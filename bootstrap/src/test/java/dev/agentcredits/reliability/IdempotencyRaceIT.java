package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.reliability.Tenants.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DOMAIN.md rule 18 under a race on two instances: ten concurrent requests under one idempotency
 * key (a submission, a purchase, a usage report, a cap change) make exactly one effect, every other
 * answer is the same answer replayed or a retryable conflict; the same key with another body is a
 * conflict and changes nothing.
 */
class IdempotencyRaceIT {
  @RegisterExtension static final TwoInstances TWO = new TwoInstances("rel_idempotency");

  private static final String OPERATOR = InProcessService.OPERATOR_KEY;
  private static final Figures FIGURES = new Figures(IdempotencyRaceIT.class);
  private static final Set<String> RACE_OUTCOMES = Set.of("201", "200", "409 conflict");
  private static int rounds;

  @AfterAll
  static void figures() {
    FIGURES.add(
        "%d rounds x 4 operations x 10 concurrent requests under one key: one effect each", rounds);
    FIGURES.write();
  }

  @RepeatedTest(5)
  void ten_concurrent_requests_under_one_key_make_one_effect() {
    Team team = TWO.tenants().create("BUILD", 0, 1, false);
    String member = team.member().key();
    String purchases = team.path() + "/members/me/add-on-purchases";

    List<Answer> submits =
        race(h -> h.post("/api/v1/agent/tasks", member, "{\"prompt\": \"once\"}", "k-submit"));
    assertOneEffect(submits, 201);
    assertThat(count("runs", team)).isEqualTo(1);
    String task = submits.stream().filter(Answer::ok).findFirst().orElseThrow().text("task_id");

    List<Answer> buys =
        race(h -> h.post(purchases, member, "{\"denomination_credits\": 400}", "k-buy"));
    assertOneEffect(buys, 201);
    assertThat(count("purchases", team)).isEqualTo(1);

    String usage = "/api/v1/agent/tasks/" + task + "/usage";
    List<Answer> reports =
        race(h -> h.post(usage, OPERATOR, "{\"usage_id\": \"k-usage\", \"credits\": 30}"));
    assertOneEffect(reports, 200);
    assertThat(
            TWO.a()
                .get("/api/v1/agent/tasks/" + task, member)
                .json()
                .path("charged_credits")
                .asLong())
        .isEqualTo(30);

    String cap = team.path() + "/spend-cap";
    String owner = team.owner().key();
    List<Answer> caps = race(h -> h.put(cap, owner, "{\"monthly_limit_cents\": 30000}", "k-cap"));
    assertOneEffect(caps, 200);
    assertThat(
            TestPostgres.get()
                .count(
                    "SELECT count(*) FROM "
                        + TWO.schema()
                        + ".outbox"
                        + " WHERE team_id = ? AND type = 'spend_cap.changed'",
                    team.id()))
        .isEqualTo(1);

    Snapshot before = Snapshot.of(TWO.schema(), team.id());
    for (Supplier<Answer> other :
        List.<Supplier<Answer>>of(
            () ->
                TWO.b().post("/api/v1/agent/tasks", member, "{\"prompt\": \"other\"}", "k-submit"),
            () -> TWO.b().post(purchases, member, "{\"denomination_credits\": 1000}", "k-buy"),
            () -> TWO.b().post(usage, OPERATOR, "{\"usage_id\": \"k-usage\", \"credits\": 31}"),
            () -> TWO.b().put(cap, owner, "{\"monthly_limit_cents\": 40000}", "k-cap"))) {
      Answer answer = other.get();
      assertThat(answer.outcome()).as(answer.toString()).isEqualTo("409 conflict");
      assertThat(answer.json().path("retryable").asBoolean()).isTrue();
    }
    assertThat(Snapshot.of(TWO.schema(), team.id())).isEqualTo(before);
    assertThat(TWO.bank().audit().failures()).isEmpty();
    assertThat(TWO.violations()).isEmpty();
    rounds++;
  }

  /** Ten at once, alternating between the two instances. */
  private static List<Answer> race(java.util.function.Function<Http, Answer> call) {
    List<Callable<Answer>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Http instance = i % 2 == 0 ? TWO.a() : TWO.b();
      calls.add(() -> call.apply(instance));
    }
    return Load.all(10, calls);
  }

  /** Every success is the same answer; the rest are conflicts (the first was still in flight). */
  private static void assertOneEffect(List<Answer> answers, int status) {
    Map<String, Long> outcomes = ConcurrencyIT.tally(answers);
    assertThat(RACE_OUTCOMES).as(outcomes.toString()).containsAll(outcomes.keySet());
    List<Answer> successes = answers.stream().filter(Answer::ok).toList();
    assertThat(successes).as(outcomes.toString()).isNotEmpty();
    assertThat(successes).allMatch(a -> a.status() == status);
    Set<String> bodies = successes.stream().map(Answer::body).collect(Collectors.toSet());
    assertThat(bodies).as("every success answers the one effect").hasSize(1);
    assertThat(successes.stream().filter(a -> a.header("Idempotent-Replayed").isEmpty()))
        .as("exactly one answer is not a replay")
        .hasSize(1);
  }

  private static long count(String table, Team team) {
    return TestPostgres.get()
        .count(
            "SELECT count(*) FROM " + TWO.schema() + "." + table + " WHERE team_id = ?", team.id());
  }
}
