package dev.agentcredits.reliability;

import dev.agentcredits.reliability.Tenants.Team;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The load of the store crash and failover tests: a BUILD team and an ENTERPRISE team with a grant,
 * whose members submit runs and the operator reports usage on accepted ones, each call recorded in
 * the {@link Journal} before it is sent; what got no answer is retried under its key.
 */
final class RunsLoad {
  private final Http http;
  private final String operator;
  private final Journal journal;
  private final List<Team> teams = new ArrayList<>();
  private final Queue<String> accepted = new ConcurrentLinkedQueue<>();

  RunsLoad(Http http, String operator, Journal journal) {
    this.http = http;
    this.operator = operator;
    this.journal = journal;
    Tenants tenants = new Tenants(http, operator);
    teams.add(tenants.create("BUILD", 1, 2, true));
    Team enterprise = tenants.create("ENTERPRISE", 1, 2, true);
    tenants.grant(enterprise, 100_000);
    teams.add(enterprise);
  }

  List<Team> teams() {
    return teams;
  }

  /** One request: a submit, or a usage report on a run accepted earlier. */
  void step() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Team team = teams.get(random.nextInt(teams.size()));
    Call call;
    if (random.nextInt(100) < 60 || accepted.isEmpty()) {
      var people = team.everyone();
      call = Call.submit(people.get(random.nextInt(people.size())).key(), "store crash load");
    } else {
      Object[] tasks = accepted.toArray();
      call =
          Call.usage((String) tasks[random.nextInt(tasks.length)], operator, random.nextInt(1, 20));
    }
    if (!journal.send(call, http, accepted).answered()) {
      Load.pause(Duration.ofMillis(50));
    }
  }

  /**
   * Clients send again what got no answer; claims a crash left "in flight" lapse after two minutes,
   * so the (manual) clock moves past that first. Answers how many calls were retried.
   */
  int retryUntilResolved() {
    advance(Duration.ofMinutes(3));
    int retried = 0;
    for (int round = 0; round < 5; round++) {
      List<Call> unresolved = journal.matching(Call::unresolved);
      if (unresolved.isEmpty()) {
        return retried;
      }
      retried += unresolved.size();
      unresolved.forEach(call -> call.send(http));
    }
    List<Call> still = journal.matching(Call::unresolved);
    if (!still.isEmpty()) {
      throw new AssertionError("calls still unresolved after five retries: " + still);
    }
    return retried;
  }

  void advance(Duration by) {
    Tenants.expect(
        http.post("/api/v1/ops/clock", operator, "{\"advance_seconds\": " + by.toSeconds() + "}"),
        200);
  }
}
