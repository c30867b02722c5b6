package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who pays, and what the refusal says when they cannot (DOMAIN.md principal table, rules 1, 12).
 */
class InsufficientCreditsTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Steps steps = new Steps(SERVICE.api());

  @Test
  void a_user_run_on_a_drained_pool_is_refused_then_succeeds_after_a_purchase_and_retry() {
    var team = SERVICE.teams().build().withMember().create();
    var member = team.member();
    steps.drain(member, 1500);

    Reply refused = steps.submit(member.key());

    JsonNode problem = refused.assertProblem(403, "insufficient_credits");
    assertThat(refused.header("Content-Type")).contains("application/problem+json");
    assertThat(problem.path("title").asText()).isEqualTo(Steps.INSUFFICIENT_CREDITS_TITLE);
    assertThat(problem.path("type").asText())
        .isEqualTo("/reference/api-and-sdk/troubleshooting/errors/insufficient-credits/");
    assertThat(problem.path("retryable").asBoolean(true)).isFalse();
    assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/agent/tasks");
    assertThat(problem.path("detail").asText()).contains("triggering user", "Auto-reload is off");
    assertThat(problem.path("billed_pool").path("kind").asText()).isEqualTo("MEMBER");
    assertThat(problem.path("billed_pool").path("member_id").asText()).isEqualTo(member.id());
    assertThat(problem.path("billed_pool").path("payer").asText()).isEqualTo("triggering_user");
    assertThat(problem.path("balances").path("available_credits").asLong()).isZero();
    assertThat(problem.path("required_credits").asLong()).isEqualTo(20);
    assertThat(problem.path("auto_reload").path("state").asText()).isEqualTo("off");
    assertThat(actions(problem)).contains("purchase_add_on:triggering_user");
    String task = problem.path("task_id").asText();
    assertThat(task).isNotBlank();
    JsonNode failed = steps.task(task, member.key());
    assertThat(failed.path("state").asText()).isEqualTo("FAILED");
    assertThat(failed.path("error").path("code").asText()).isEqualTo("insufficient_credits");

    steps.purchase(team, member, member.key(), 400).assertStatus(201);
    JsonNode retried = steps.retry(task, member.key()).assertStatus(200).json();

    assertThat(retried.path("task_id").asText()).isEqualTo(task);
    assertThat(retried.path("state").asText()).isEqualTo("QUEUED");
    assertThat(retried.path("held_credits").asLong()).isEqualTo(20);
    assertThat(steps.pool(team, member).path("available_credits").asLong()).isEqualTo(380);
  }

  @Test
  void team_api_key_and_scheduled_runs_are_billed_to_the_owner() {
    var team = SERVICE.teams().build().withMember().withTeamKey().create();

    JsonNode byKey = steps.submit(team.teamKey()).assertStatus(201).json();
    JsonNode scheduled =
        steps.submitScheduled(team.member().key(), "nightly").assertStatus(201).json();
    JsonNode byUser = steps.submit(team.member().key()).assertStatus(201).json();

    assertThat(byKey.path("trigger").asText()).isEqualTo("TEAM_API_KEY");
    assertThat(byKey.path("billed_pool").path("member_id").asText()).isEqualTo(team.owner().id());
    assertThat(scheduled.path("trigger").asText()).isEqualTo("SCHEDULED");
    assertThat(scheduled.path("billed_pool").path("member_id").asText())
        .isEqualTo(team.owner().id());
    assertThat(byUser.path("trigger").asText()).isEqualTo("USER");
    assertThat(byUser.path("billed_pool").path("member_id").asText()).isEqualTo(team.member().id());
    assertThat(steps.pool(team, team.owner()).path("held_credits").asLong()).isEqualTo(40);
  }

  @Test
  void a_team_api_key_run_on_the_owners_drained_pool_names_the_owner_as_the_one_to_top_up() {
    var team = SERVICE.teams().build().withMember().withTeamKey().create();
    String first = steps.accepted(team.teamKey());
    steps.usage(first, 1500).assertStatus(200);

    JsonNode problem = steps.submit(team.teamKey()).assertProblem(403, "insufficient_credits");

    assertThat(problem.path("billed_pool").path("payer").asText()).isEqualTo("team_owner");
    assertThat(problem.path("billed_pool").path("member_id").asText()).isEqualTo(team.owner().id());
    assertThat(problem.path("detail").asText()).contains("team owner");
    assertThat(actions(problem)).anyMatch(a -> a.endsWith(":team_owner"));
    // the member's own pool is untouched: user-triggered runs still go through
    steps.submit(team.member().key()).assertStatus(201);
  }

  @Test
  void an_enterprise_pool_exhausted_is_refused_until_a_grant_arrives() {
    var team = SERVICE.teams().enterprise().withMember().create();
    SERVICE
        .api()
        .post(team.path() + "/grants", ServiceExtension.OPERATOR_KEY, grant(100))
        .assertStatus(201);
    String first = steps.accepted(team.member().key());
    steps.usage(first, 100).assertStatus(200);

    Reply refused = steps.submit(team.member().key());

    JsonNode problem = refused.assertProblem(403, "insufficient_credits");
    assertThat(problem.path("title").asText()).isEqualTo(Steps.INSUFFICIENT_CREDITS_TITLE);
    assertThat(problem.path("billed_pool").path("kind").asText()).isEqualTo("TEAM");
    assertThat(problem.path("billed_pool").path("payer").asText()).isEqualTo("team_pool");
    assertThat(problem.path("auto_reload").path("state").asText()).isEqualTo("not_offered");
    assertThat(actions(problem)).contains("contact_account_manager:account_manager");
    JsonNode pool =
        SERVICE.api().get(team.path() + "/pool", team.member().key()).assertStatus(200).json();
    assertThat(pool.path("available_credits").asLong()).isZero();

    SERVICE
        .api()
        .post(team.path() + "/grants", ServiceExtension.OPERATOR_KEY, grant(1000))
        .assertStatus(201);
    JsonNode retried =
        steps.retry(problem.path("task_id").asText(), team.member().key()).assertStatus(200).json();

    assertThat(retried.path("state").asText()).isEqualTo("QUEUED");
    assertThat(retried.path("billed_pool").path("kind").asText()).isEqualTo("TEAM");
    assertThat(retried.path("billed_pool").has("member_id")).isFalse();
  }

  @Test
  void usage_past_the_hold_runs_into_arrears_and_stops_the_run() {
    var team = SERVICE.teams().build().withMember().create();
    String task = steps.accepted(team.member().key());

    JsonNode run = steps.usage(task, 1600).assertStatus(200).json();

    assertThat(run.path("state").asText()).isEqualTo("FAILED");
    assertThat(run.path("error").path("code").asText()).isEqualTo("insufficient_credits");
    assertThat(run.path("charged_credits").asLong()).isEqualTo(1600);
    JsonNode pool = steps.pool(team, team.member());
    assertThat(pool.path("arrears_credits").asLong()).isEqualTo(100);
    assertThat(pool.path("available_credits").asLong()).isEqualTo(-100);
    assertThat(pool.path("held_credits").asLong()).isZero();
    steps.submit(team.member().key()).assertProblem(403, "insufficient_credits");
  }

  static String grant(long credits) {
    return "{\"credits\": " + credits + ", \"expires_at\": \"2031-12-31T00:00:00Z\"}";
  }

  static List<String> actions(JsonNode problem) {
    List<String> actions = new ArrayList<>();
    problem
        .path("resolution")
        .forEach(r -> actions.add(r.path("action").asText() + ":" + r.path("who").asText()));
    return actions;
  }
}
