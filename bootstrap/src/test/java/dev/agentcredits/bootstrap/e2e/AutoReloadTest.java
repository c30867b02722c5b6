package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Auto-reload within the spend cap, and who may move the cap (DOMAIN.md rules 6, 7, 11, 17). */
class AutoReloadTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Steps steps = new Steps(SERVICE.api());

  @Test
  void auto_reload_buys_until_the_cap_then_an_admin_raises_the_cap_and_the_run_goes_through() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();
    var member = team.member();
    steps.spendCap(team, team.owner().key(), 2000).assertStatus(200);
    JsonNode settings =
        steps.autoReload(team, member, member.key(), true, 400).assertStatus(200).json();
    assertThat(settings.path("threshold_credits").asLong()).isEqualTo(100);

    String task = steps.accepted(member.key());
    steps.usage(task, 1480).assertStatus(200);
    steps.usage(task, 400).assertStatus(200);
    steps.usage(task, 420).assertStatus(200);
    steps.complete(task, member.key()).assertStatus(200);

    JsonNode billing = steps.billing(team, team.owner().key());
    assertThat(billing.path("spend_cap").path("month_to_date_spend_cents").asLong())
        .isEqualTo(2000);
    JsonNode problem = steps.submit(member.key()).assertProblem(403, "insufficient_credits");
    assertThat(problem.path("auto_reload").path("state").asText()).isEqualTo("cap_reached");
    assertThat(problem.path("detail").asText()).contains("spend cap");
    assertThat(problem.path("spend_cap").path("monthly_limit_cents").asLong()).isEqualTo(2000);
    assertThat(problem.path("spend_cap").path("month_to_date_spend_cents").asLong())
        .isEqualTo(2000);
    assertThat(InsufficientCreditsTest.actions(problem))
        .anyMatch(a -> a.startsWith("raise_spend_cap:"));

    var before = steps.snapshot(team);
    steps.spendCap(team, member.key(), 5000).assertProblem(403, "not_authorized");
    steps.assertUnchanged(team, before);

    JsonNode cap = steps.spendCap(team, team.admin().key(), 5000).assertStatus(200).json();
    assertThat(cap.path("monthly_limit_cents").asLong()).isEqualTo(5000);
    assertThat(cap.path("month_to_date_spend_cents").asLong()).isEqualTo(2000);

    JsonNode retried =
        steps.retry(problem.path("task_id").asText(), member.key()).assertStatus(200).json();
    assertThat(retried.path("state").asText()).isEqualTo("QUEUED");
    assertThat(
            steps
                .billing(team, team.owner().key())
                .path("spend_cap")
                .path("month_to_date_spend_cents")
                .asLong())
        .isEqualTo(3000);
  }

  @Test
  void a_member_may_configure_only_their_own_auto_reload() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();
    var before = steps.snapshot(team);

    steps
        .autoReload(team, team.owner(), team.member().key(), true, 400)
        .assertProblem(403, "not_authorized");

    steps.assertUnchanged(team, before);
    steps.autoReload(team, team.member(), team.admin().key(), true, 1000).assertStatus(200);
    JsonNode reload =
        SERVICE
            .api()
            .put(
                team.path() + "/members/me/auto-reload",
                team.member().key(),
                "{\"enabled\": false, \"denomination_credits\": 400, \"threshold_credits\": 250}")
            .assertStatus(200)
            .json();
    assertThat(reload.path("enabled").asBoolean()).isFalse();
    assertThat(reload.path("threshold_credits").asLong()).isEqualTo(250);
  }

  /** Issue 18 item 17: null and missing keep the current value; turning off needs nothing else. */
  @Test
  void null_or_missing_settings_keep_the_current_ones_and_turning_off_needs_only_enabled() {
    var team = SERVICE.teams().build().withMember().create();
    var member = team.member();
    var api = SERVICE.api();
    String mine = team.path() + "/members/me/auto-reload";

    JsonNode fresh = api.get(mine, member.key()).assertStatus(200).json();
    assertThat(fresh.path("enabled").asBoolean(true)).isFalse();
    assertThat(fresh.path("denomination_credits").isNull()).isTrue();
    assertThat(fresh.path("threshold_credits").asLong()).isEqualTo(100);
    JsonNode nullThreshold =
        api.put(
                mine,
                member.key(),
                "{\"enabled\": true, \"denomination_credits\": 400, \"threshold_credits\": null}")
            .assertStatus(200)
            .json();
    assertThat(nullThreshold.path("threshold_credits").asLong())
        .as("null is the default threshold, not 0")
        .isEqualTo(100);
    api.put(mine, member.key(), "{\"enabled\": true, \"threshold_credits\": 250}")
        .assertStatus(200);

    JsonNode off = api.put(mine, member.key(), "{\"enabled\": false}").assertStatus(200).json();

    assertThat(off.path("enabled").asBoolean(true)).isFalse();
    assertThat(off.path("denomination_credits").asLong()).isEqualTo(400);
    assertThat(off.path("threshold_credits").asLong()).isEqualTo(250);
    JsonNode back =
        api.put(
                mine,
                member.key(),
                "{\"enabled\": true, \"denomination_credits\": null, \"threshold_credits\": null}")
            .assertStatus(200)
            .json();
    assertThat(back.path("denomination_credits").asLong()).isEqualTo(400);
    assertThat(back.path("threshold_credits").asLong()).isEqualTo(250);
    assertThat(api.get(mine, member.key()).assertStatus(200).json()).isEqualTo(back);
  }

  @Test
  void a_pools_auto_reload_is_read_by_that_member_the_owner_and_admins_only() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();
    var member = team.member();
    var api = SERVICE.api();
    steps.autoReload(team, member, member.key(), true, 1000).assertStatus(200);
    String path = team.path() + "/members/" + member.id() + "/auto-reload";

    JsonNode byOwner = api.get(path, team.owner().key()).assertStatus(200).json();
    JsonNode byAdmin = api.get(path, team.admin().key()).assertStatus(200).json();

    assertThat(byOwner.path("enabled").asBoolean()).isTrue();
    assertThat(byOwner.path("denomination_credits").asLong()).isEqualTo(1000);
    assertThat(byOwner.path("threshold_credits").asLong()).isEqualTo(100);
    assertThat(byAdmin).isEqualTo(byOwner);
    assertThat(api.get(path, member.key()).assertStatus(200).json()).isEqualTo(byOwner);
    api.get(team.path() + "/members/" + team.owner().id() + "/auto-reload", member.key())
        .assertProblem(403, "not_authorized");
  }
}
