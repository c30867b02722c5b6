package dev.agentcredits.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Sets up the teams the workloads drive, through the REST API with the operator key. */
final class Provisioning {
  /** Large enough that the hot pool never runs dry: 50 million runs' start holds. */
  static final long HOT_GRANT = 1_000_000_000L;

  private final Http http;
  private final String tag = Long.toString(System.currentTimeMillis(), 36);

  Provisioning(Http http) {
    this.http = http;
  }

  /** An ENTERPRISE team, its team pool funded by one large grant, and a team API key. */
  record HotTeam(String teamId, String teamKey, long granted) {
    String poolId() {
      return "t:" + teamId;
    }
  }

  /** A member of a BUILD team and the key it submits with (USER trigger: its own pool). */
  record Member(String teamId, String memberId, String key) {
    String poolId() {
      return "m:" + memberId;
    }
  }

  HotTeam enterprise(String name) throws Exception {
    JsonNode team = createTeam(name, "ENTERPRISE");
    String id = team.path("team_id").asText();
    http.post(
            "/api/v1/teams/" + id + "/grants",
            Service.OPERATOR_KEY,
            "{\"credits\": %d, \"expires_at\": \"%s\"}"
                .formatted(HOT_GRANT, Instant.now().plus(Duration.ofDays(365))))
        .expect(201, "grant");
    String key =
        http.post("/api/v1/teams/" + id + "/api-keys", Service.OPERATOR_KEY, "{\"name\":\"bench\"}")
            .expect(201, "team API key")
            .json()
            .path("api_key")
            .asText();
    return new HotTeam(id, key, HOT_GRANT);
  }

  /**
   * {@code count} runs submitted with the team's API key, eight at a time, each holding its start
   * hold: the task ids, in no particular order.
   */
  List<String> runs(HotTeam team, int count) throws Exception {
    List<String> tasks = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        done.add(
            pool.submit(() -> {
              tasks.add(
                  http.post(Bench.SUBMIT, team.teamKey(), Bench.PROMPT)
                      .expect(201, "submit a run for usage")
                      .json()
                      .path("task_id")
                      .asText());
              return null;
            }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    return List.copyOf(tasks);
  }

  /** {@code teams} BUILD teams of {@code perTeam} members each, the owner among them. */
  List<Member> buildTeams(int teams, int perTeam) throws Exception {
    List<Member> members = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < teams; t++) {
        int team = t;
        done.add(
            pool.submit(() -> {
              members.addAll(buildTeam("spread-" + team, perTeam));
              return null;
            }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(java.util.Comparator.comparing(Member::memberId));
    return sorted;
  }

  private List<Member> buildTeam(String name, int perTeam) throws Exception {
    JsonNode team = createTeam(name, "BUILD");
    String id = team.path("team_id").asText();
    List<Member> members = new ArrayList<>();
    JsonNode owner = team.path("owner");
    members.add(new Member(id, owner.path("member_id").asText(), owner.path("api_key").asText()));
    for (int m = 1; m < perTeam; m++) {
      JsonNode added =
          http.post(
                  "/api/v1/teams/" + id + "/members",
                  Service.OPERATOR_KEY,
                  "{\"email\": \"m%d-%s-%s@bench.test\", \"role\": \"MEMBER\"}"
                      .formatted(m, name, tag))
              .expect(201, "add member")
              .json();
      members.add(new Member(id, added.path("member_id").asText(), added.path("api_key").asText()));
    }
    return members;
  }

  private JsonNode createTeam(String name, String plan) throws Exception {
    return http.post(
            "/api/v1/teams",
            Service.OPERATOR_KEY,
            "{\"name\": \"%s\", \"plan\": \"%s\", \"owner_email\": \"owner-%s-%s@bench.test\"}"
                .formatted(name, plan, name, tag))
        .expect(201, "create team")
        .json();
  }
}
