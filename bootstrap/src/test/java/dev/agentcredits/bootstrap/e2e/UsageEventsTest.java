package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API.md "Usage in batches": one result per event, each charged once, a bad one failing alone. */
class UsageEventsTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private static final String PATH = "/api/v1/usage-events";

  private final Api api = SERVICE.api();
  private final Steps steps = new Steps(api);

  @Test
  void each_event_is_charged_once_and_a_bad_one_fails_alone() {
    var team = SERVICE.teams().build().withMember().withTeamKey().create();
    String first = steps.accepted(team.member().key());
    String second = steps.accepted(team.member().key());
    String events =
        "{\"events\": ["
            + event(first, "u-1", 5)
            + ","
            + event(second, "u-1", 7)
            + ","
            + event(first, "u-1", 5)
            + ","
            + event(first, "u-2", 0)
            + ","
            + event("task_unknown", "u-3", 4)
            + ","
            + event(first, "u-1", 6)
            + "]}";

    JsonNode results = api.post(PATH, team.teamKey(), events).assertStatus(200).json();

    assertThat(statuses(results)).containsExactly(200, 200, 200, 400, 404, 409);
    assertThat(results.path("results").get(0).path("charged_credits").asLong()).isEqualTo(5);
    assertThat(results.path("results").get(1).path("task_id").asText()).isEqualTo(second);
    assertThat(results.path("results").get(2).path("replayed").asBoolean()).isTrue();
    assertThat(results.path("results").get(3).path("problem").path("code").asText())
        .isEqualTo("invalid_request");
    assertThat(results.path("results").get(5).path("problem").path("code").asText())
        .isEqualTo("conflict");
    assertThat(steps.task(first, team.member().key()).path("charged_credits").asLong())
        .isEqualTo(5);
    assertThat(steps.task(second, team.member().key()).path("charged_credits").asLong())
        .isEqualTo(7);

    JsonNode again = api.post(PATH, team.teamKey(), events).assertStatus(200).json();
    assertThat(statuses(again)).containsExactly(200, 200, 200, 400, 404, 409);
    assertThat(steps.task(first, team.member().key()).path("charged_credits").asLong())
        .isEqualTo(5);
  }

  @Test
  void a_malformed_envelope_is_invalid_and_charges_nothing() {
    var team = SERVICE.teams().build().withMember().withTeamKey().create();
    String task = steps.accepted(team.member().key());
    var before = steps.snapshot(team);

    api.post(PATH, team.teamKey(), "{\"events\": []}").assertProblem(400, "invalid_request");
    api.post(PATH, team.teamKey(), "{\"event\": [" + event(task, "u-1", 5) + "]}")
        .assertProblem(400, "invalid_request");
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= 1000; i++) {
      tooMany.add(event(task, "u-" + i, 1));
    }
    api.post(PATH, team.teamKey(), "{\"events\": [" + String.join(",", tooMany) + "]}")
        .assertProblem(400, "invalid_request");

    steps.assertUnchanged(team, before);
  }

  @Test
  void a_member_key_may_not_report_usage() {
    var team = SERVICE.teams().build().withMember().create();
    String task = steps.accepted(team.member().key());

    JsonNode results =
        api.post(PATH, team.member().key(), "{\"events\": [" + event(task, "u-1", 5) + "]}")
            .assertStatus(200)
            .json();

    assertThat(statuses(results)).containsExactly(403);
    assertThat(steps.task(task, team.member().key()).path("charged_credits").asLong()).isZero();
  }

  private static String event(String task, String usage, long credits) {
    return "{\"task_id\": \"%s\", \"usage_id\": \"%s\", \"credits\": %d}"
        .formatted(task, usage, credits);
  }

  private static List<Integer> statuses(JsonNode results) {
    List<Integer> statuses = new ArrayList<>();
    results.path("results").forEach(r -> statuses.add(r.path("status").asInt()));
    return statuses;
  }
}
