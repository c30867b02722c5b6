package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API.md "Member limits" (DOMAIN.md rule 24) against the real service on PostgreSQL. */
class MemberLimitsTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Api api = SERVICE.api();
  private final Steps steps = new Steps(api);

  @Test
  void a_member_over_their_limit_is_refused_until_an_admin_raises_it() {
    var team = SERVICE.teams().build().withAdmin().withMember().withTeamKey().create();
    var member = team.member();
    String limit = team.path() + "/members/" + member.id() + "/limit";

    JsonNode set =
        api.put(
                team.path() + "/member-limits",
                team.owner().key(),
                "{\"default_monthly_credits\": 45}")
            .assertStatus(200)
            .json();
    assertThat(set.path("default_monthly_credits").asLong()).isEqualTo(45);
    String first = steps.accepted(member.key());
    steps.usage(first, 20).assertStatus(200);
    steps.accepted(member.key());
    JsonNode refused = steps.submit(member.key()).assertProblem(403, "budget_exceeded");
    assertThat(refused.path("limit").path("monthly_credits").asLong()).isEqualTo(45);
    assertThat(refused.path("limit").path("month_to_date_credits").asLong()).isEqualTo(40);
    assertThat(refused.path("detail").asText()).contains("The team owner or an admin");
    String failed = refused.path("task_id").asText();
    assertThat(steps.task(failed, member.key()).path("error").path("code").asText())
        .isEqualTo("budget_exceeded");
    steps.accepted(team.teamKey());

    api.put(limit, member.key(), "{\"monthly_credits\": 1000}")
        .assertProblem(403, "not_authorized");
    JsonNode raised =
        api.put(limit, team.admin().key(), "{\"monthly_credits\": 60}").assertStatus(200).json();
    assertThat(raised.path("effective_monthly_credits").asLong()).isEqualTo(60);
    assertThat(raised.path("month_to_date_credits").asLong()).isEqualTo(40);
    assertThat(steps.retry(failed, member.key()).assertStatus(200).json().path("state").asText())
        .isEqualTo("QUEUED");

    JsonNode mine =
        api.get(team.path() + "/members/me/limit", member.key()).assertStatus(200).json();
    assertThat(mine.path("month_to_date_credits").asLong()).isEqualTo(60);
    api.get(team.path() + "/members/" + team.admin().id() + "/limit", member.key())
        .assertProblem(403, "not_authorized");
    JsonNode all =
        api.get(team.path() + "/member-limits", team.admin().key()).assertStatus(200).json();
    assertThat(all.path("default_monthly_credits").asLong()).isEqualTo(45);
    assertThat(all.path("members").size()).isEqualTo(3);
    assertThat(steps.pool(team, member).path("limit").path("monthly_credits").asLong())
        .isEqualTo(60);

    // Usage is never dropped: the charge that crosses the limit is kept and stops the run.
    JsonNode stopped = steps.usage(first, 30).assertStatus(200).json();
    assertThat(stopped.path("state").asText()).isEqualTo("FAILED");
    assertThat(stopped.path("error").path("code").asText()).isEqualTo("budget_exceeded");
    assertThat(stopped.path("charged_credits").asLong()).isEqualTo(50);
  }
}
