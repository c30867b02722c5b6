package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DOMAIN.md rule 27 on the manual clock: usage reported after a run ended is charged within 24
 * hours of its end, with usage.charged (and credits.depleted when it makes arrears); later it is
 * 409 conflict and changes nothing. Single reports and the batch endpoint alike.
 */
class LateUsageTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Api api = SERVICE.api();
  private final Steps steps = new Steps(api);

  @Test
  void usage_on_a_cancelled_run_within_a_day_goes_to_arrears_and_is_published() {
    var team = SERVICE.teams().build().withMember().create();
    var member = team.member();
    String task = steps.accepted(member.key());
    steps.usage(task, 1500).assertStatus(200);
    api.post("/api/v1/agent/tasks/" + task + "/cancel", member.key(), null).assertStatus(200);
    SERVICE.advance(Duration.ofHours(2));
    int eventsBefore = SERVICE.eventTypes(team.id()).size();

    JsonNode run = steps.usage(task, "late-1", 5000).assertStatus(200).json();

    assertThat(run.path("state").asText()).isEqualTo("CANCELLED");
    assertThat(run.path("charged_credits").asLong()).isEqualTo(6500);
    assertThat(run.path("held_credits").asLong()).isZero();
    JsonNode pool = steps.pool(team, member);
    assertThat(pool.path("arrears_credits").asLong()).isEqualTo(5000);
    List<String> events = SERVICE.eventTypes(team.id());
    assertThat(events.subList(eventsBefore, events.size()))
        .containsExactly("usage.charged", "credits.depleted");
  }

  @Test
  void usage_more_than_a_day_after_the_end_is_a_conflict_and_changes_nothing() {
    var team = SERVICE.teams().build().withMember().create();
    var member = team.member();
    String task = steps.accepted(member.key());
    steps.usage(task, "u-1", 10).assertStatus(200);
    steps.complete(task, member.key()).assertStatus(200);
    SERVICE.advance(Duration.ofHours(1));
    steps.usage(task, "late-1", 5).assertStatus(200);
    SERVICE.advance(Duration.ofHours(23).plusMinutes(1));
    var before = steps.snapshot(team);
    int eventsBefore = SERVICE.eventTypes(team.id()).size();

    JsonNode problem = steps.usage(task, "late-2", 5).assertProblem(409, "conflict");

    assertThat(problem.path("detail").asText()).contains("more than 24 hours");
    steps.assertUnchanged(team, before);
    assertThat(SERVICE.eventTypes(team.id())).hasSize(eventsBefore);
    assertThat(steps.task(task, member.key()).path("charged_credits").asLong()).isEqualTo(15);
    // the report that was charged in time still replays its answer
    JsonNode replay = steps.usage(task, "late-1", 5).assertStatus(200).json();
    assertThat(replay.path("charged_credits").asLong()).isEqualTo(15);
    steps.assertUnchanged(team, before);
  }

  @Test
  void the_batch_endpoint_charges_a_recent_end_and_refuses_an_old_one() {
    var team = SERVICE.teams().build().withMember().withTeamKey().create();
    var member = team.member();
    String old = steps.accepted(member.key());
    String recent = steps.accepted(member.key());
    steps.complete(old, member.key()).assertStatus(200);
    SERVICE.advance(Duration.ofHours(25));
    steps.complete(recent, member.key()).assertStatus(200);
    SERVICE.advance(Duration.ofHours(3));
    int eventsBefore = SERVICE.eventTypes(team.id()).size();

    JsonNode results =
        api.post(
                "/api/v1/usage-events",
                team.teamKey(),
                "{\"events\": [" + event(recent, "b-1", 7) + "," + event(old, "b-2", 7) + "]}")
            .assertStatus(200)
            .json();

    assertThat(results.path("results").get(0).path("status").asInt()).isEqualTo(200);
    assertThat(results.path("results").get(0).path("charged_credits").asLong()).isEqualTo(7);
    assertThat(results.path("results").get(1).path("status").asInt()).isEqualTo(409);
    assertThat(results.path("results").get(1).path("problem").path("code").asText())
        .isEqualTo("conflict");
    assertThat(steps.task(old, member.key()).path("charged_credits").asLong()).isZero();
    List<String> events = SERVICE.eventTypes(team.id());
    assertThat(events.subList(eventsBefore, events.size())).containsExactly("usage.charged");
  }

  private static String event(String task, String usage, long credits) {
    return "{\"task_id\": \"%s\", \"usage_id\": \"%s\", \"credits\": %d}"
        .formatted(task, usage, credits);
  }
}
