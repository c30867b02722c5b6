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
    assertThat(actions(problem))
        .containsExactly(
            "purchase_add_on:triggering_user",
            "wait_for_refresh:triggering_user",
            "enable_auto_reload:triggering_user",
            "retry:triggering_user");
    assertSingleKeys(refused.body());
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
    assertThat(actions(problem))
        .containsExactly(
            "purchase_add_on:team_owner",
            "purchase_add_on:team_admin",
            "wait_for_refresh:team_owner",
            "enable_auto_reload:team_owner",
            "retry:triggering_user");
    assertThat(problem.path("detail").asText())
        .contains("the team owner can top up their pool by purchasing add-on credits");
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
    assertThat(actions(problem))
        .containsExactly("contact_account_manager:account_manager", "retry:triggering_user");
    assertThat(problem.path("detail").asText())
        .contains("contact your account manager")
        .doesNotContainIgnoringCase("purchase")
        .doesNotContainIgnoringCase("auto-reload");
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

  /** Issue 18 item 5: the cap is the cause, so neither a purchase nor auto-reload is advised. */
  @Test
  void a_member_refused_because_the_cap_is_reached_is_told_to_have_the_cap_raised_or_wait() {
    var team = SERVICE.teams().build().withMember().create();
    var member = team.member();
    steps.autoReload(team, member, member.key(), true, 400).assertStatus(200);
    steps.spendCap(team, team.owner().key(), 0).assertStatus(200);
    steps.drain(member, 1500);

    Reply refused = steps.submit(member.key());

    JsonNode problem = refused.assertProblem(403, "insufficient_credits");
    assertSingleKeys(refused.body());
    assertThat(problem.path("title").asText()).isEqualTo(Steps.INSUFFICIENT_CREDITS_TITLE);
    assertThat(problem.path("auto_reload").path("state").asText()).isEqualTo("cap_reached");
    assertThat(problem.path("cause").asText()).isEqualTo("cap_reached");
    assertThat(actions(problem))
        .containsExactly(
            "raise_spend_cap:owner_or_admin",
            "wait_for_month_start:triggering_user",
            "wait_for_refresh:triggering_user",
            "retry:triggering_user");
    assertThat(problem.path("resolution").path(0).has("emails"))
        .as("a member may not see the owner's and admins' addresses")
        .isFalse();
    String detail = problem.path("detail").asText();
    assertThat(detail)
        .contains(
            "Auto-reload is on, but the team-wide monthly spend cap leaves it no room to buy more")
        .contains("an admin or the team owner can raise the team-wide monthly spend cap")
        .contains("1st of the month (UTC)")
        .doesNotContainIgnoringCase("purchase add-on")
        .doesNotContainIgnoringCase("enable auto-reload");
    // what the advice says works: the owner raises the cap, the retry reloads and is accepted
    steps.spendCap(team, team.owner().key(), 20_000).assertStatus(200);
    steps.retry(problem.path("task_id").asText(), member.key()).assertStatus(200);
  }

  @Test
  void the_owner_refused_because_the_cap_is_reached_sees_who_can_raise_it_by_email() {
    var team = SERVICE.teams().build().withAdmin().create();
    var owner = team.owner();
    steps.autoReload(team, owner, owner.key(), true, 400).assertStatus(200);
    steps.spendCap(team, owner.key(), 0).assertStatus(200);
    steps.drain(owner, 1500);

    JsonNode problem = steps.submit(owner.key()).assertProblem(403, "insufficient_credits");

    assertThat(problem.path("resolution").path(0).path("action").asText())
        .isEqualTo("raise_spend_cap");
    List<String> emails = new ArrayList<>();
    problem.path("resolution").path(0).path("emails").forEach(e -> emails.add(e.asText()));
    assertThat(emails).containsExactly(owner.email(), team.admin().email());
    assertThat(problem.path("detail").asText())
        .contains("(" + owner.email() + ", " + team.admin().email() + ")");
  }

  @Test
  void a_declined_reload_refusal_says_the_owner_or_an_admin_fixes_the_card() {
    var team = SERVICE.teams().build().withMember().create();
    var member = team.member();
    steps.autoReload(team, member, member.key(), true, 400).assertStatus(200);
    SERVICE
        .api()
        .put(
            "/api/v1/ops/teams/" + team.id() + "/payments",
            ServiceExtension.OPERATOR_KEY,
            "{\"declined\": true}")
        .assertStatus(200);
    steps.drain(member, 1500);

    Reply refused = steps.submit(member.key());

    JsonNode problem = refused.assertProblem(403, "insufficient_credits");
    assertSingleKeys(refused.body());
    assertThat(problem.path("cause").asText()).isEqualTo("payment_declined");
    assertThat(actions(problem))
        .containsExactly(
            "update_payment_method:owner_or_admin",
            "enable_auto_reload:owner_or_admin",
            "wait_for_refresh:triggering_user",
            "retry:triggering_user");
    assertThat(problem.path("resolution").path(1).path("with_previous").asBoolean()).isTrue();
    assertThat(problem.path("detail").asText())
        .contains("The team's card was declined, so auto-reload was turned off.")
        .contains("the team owner or an admin can update the team's card")
        .doesNotContainIgnoringCase("purchase add-on");
  }

  /** The body is valid JSON with no key twice, at any depth. */
  static void assertSingleKeys(String body) {
    try {
      var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
      mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      mapper.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError("not valid JSON with single keys: " + body, e);
    }
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
