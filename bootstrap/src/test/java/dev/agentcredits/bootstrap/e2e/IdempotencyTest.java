package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DOMAIN.md rule 18: the same key and request replays; another request under the key conflicts. */
class IdempotencyTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Api api = SERVICE.api();
  private final Steps steps = new Steps(api);

  @Test
  void a_submission_sent_again_under_its_key_replays_the_first_answer_and_holds_once() {
    var team = SERVICE.teams().build().withMember().create();
    String key = team.member().key();

    Reply first = submit(key, "k-1", "Fix the flaky test");
    Reply again = submit(key, "k-1", "Fix the flaky test");

    first.assertStatus(201);
    assertThat(first.header("Idempotent-Replayed")).isEmpty();
    again.assertStatus(201);
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(steps.pool(team, team.member()).path("held_credits").asLong()).isEqualTo(20);
  }

  @Test
  void another_request_under_a_used_key_is_a_conflict() {
    var team = SERVICE.teams().build().withMember().create();
    submit(team.member().key(), "k-2", "Fix the flaky test").assertStatus(201);
    var before = steps.snapshot(team);

    JsonNode problem =
        submit(team.member().key(), "k-2", "Something else").assertProblem(409, "conflict");

    assertThat(problem.path("retryable").asBoolean()).isTrue();
    steps.assertUnchanged(team, before);
  }

  @Test
  void a_refusal_for_credits_is_replayed_too_since_the_failed_run_exists() {
    var team = SERVICE.teams().build().withMember().create();
    steps.drain(team.member(), 1500);

    Reply first = submit(team.member().key(), "k-3", "Fix the flaky test");
    var before = steps.snapshot(team);
    Reply again = submit(team.member().key(), "k-3", "Fix the flaky test");

    JsonNode refused = first.assertProblem(403, "insufficient_credits");
    JsonNode replayed = again.assertProblem(403, "insufficient_credits");
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    // The same refusal of the same run; only trace_id differs, since it names the request that
    // was answered (the replay is a request of its own, traced on its own).
    assertThat(replayed.path("trace_id").asText()).isNotEqualTo(refused.path("trace_id").asText());
    assertThat(withoutTrace(replayed)).isEqualTo(withoutTrace(refused));
    steps.assertUnchanged(team, before);
  }

  @Test
  void a_purchase_sent_again_buys_once_and_a_refused_one_leaves_its_key_free() {
    var team = SERVICE.teams().build().withMember().create();
    String path = team.path() + "/members/me/add-on-purchases";

    Reply invalid = purchase(path, team.member().key(), "p-1", 500);
    Reply first = purchase(path, team.member().key(), "p-1", 400);
    Reply again = purchase(path, team.member().key(), "p-1", 400);
    Reply conflict = purchase(path, team.member().key(), "p-1", 1000);

    invalid.assertProblem(400, "invalid_request");
    first.assertStatus(201);
    again.assertStatus(201);
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(again.body()).isEqualTo(first.body());
    conflict.assertProblem(409, "conflict");
    JsonNode billing = steps.billing(team, team.owner().key());
    assertThat(billing.path("spend_cap").path("month_to_date_spend_cents").asLong())
        .isEqualTo(1000);
    assertThat(steps.pool(team, team.member()).path("lots")).hasSize(1);
  }

  @Test
  void a_spend_cap_change_sent_again_replays_and_another_value_under_the_key_conflicts() {
    var team = SERVICE.teams().build().create();
    String path = team.path() + "/spend-cap";

    Reply first = cap(path, team.owner().key(), "c-1", 30000);
    Reply again = cap(path, team.owner().key(), "c-1", 30000);
    Reply conflict = cap(path, team.owner().key(), "c-1", 40000);

    first.assertStatus(200);
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(again.body()).isEqualTo(first.body());
    conflict.assertProblem(409, "conflict");
    assertThat(
            steps
                .billing(team, team.owner().key())
                .path("spend_cap")
                .path("monthly_limit_cents")
                .asLong())
        .isEqualTo(30000);
  }

  @Test
  void a_usage_report_sent_again_is_charged_once_and_other_credits_under_its_id_conflict() {
    var team = SERVICE.teams().build().withMember().create();
    String task = steps.accepted(team.member().key());

    Reply first = steps.usage(task, "use-1", 50);
    Reply again = steps.usage(task, "use-1", 50);
    Reply conflict = steps.usage(task, "use-1", 70);

    first.assertStatus(200);
    again.assertStatus(200);
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(again.body()).isEqualTo(first.body());
    conflict.assertProblem(409, "conflict");
    assertThat(steps.task(task, team.member().key()).path("charged_credits").asLong())
        .isEqualTo(50);
  }

  @Test
  void a_usage_report_sent_again_after_others_replays_its_own_first_answer() {
    var team = SERVICE.teams().build().withMember().create();
    String task = steps.accepted(team.member().key());

    Reply first = steps.usage(task, "use-1", 5);
    steps.usage(task, "use-2", 30).assertStatus(200);
    Reply again = steps.usage(task, "use-1", 5);

    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.json().path("charged_credits").asLong()).isEqualTo(5);
    assertThat(steps.task(task, team.member().key()).path("charged_credits").asLong())
        .isEqualTo(35);
  }

  private Reply submit(String key, String idempotencyKey, String prompt) {
    return api.request("POST", "/api/v1/agent/tasks")
        .key(key)
        .header("Idempotency-Key", idempotencyKey)
        .json("{\"prompt\": \"" + prompt + "\"}")
        .send();
  }

  private Reply purchase(String path, String key, String idempotencyKey, long denomination) {
    return api.request("POST", path)
        .key(key)
        .header("Idempotency-Key", idempotencyKey)
        .json("{\"denomination_credits\": " + denomination + "}")
        .send();
  }

  private Reply cap(String path, String key, String idempotencyKey, long cents) {
    return api.request("PUT", path)
        .key(key)
        .header("Idempotency-Key", idempotencyKey)
        .json("{\"monthly_limit_cents\": " + cents + "}")
        .send();
  }

  private static JsonNode withoutTrace(JsonNode problem) {
    var copy = problem.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("trace_id");
    return copy;
  }
}
