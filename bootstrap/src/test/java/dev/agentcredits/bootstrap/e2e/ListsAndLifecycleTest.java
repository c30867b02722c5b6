package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API.md "Lists and lifecycle" against the real service on PostgreSQL. */
class ListsAndLifecycleTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Steps steps = new Steps(SERVICE.api());

  @Test
  void a_cancelled_run_keeps_its_charge_and_the_lists_show_it() {
    var team = SERVICE.teams().build().withMember().withTeamKey().create();
    var member = team.member();
    String first = steps.accepted(member.key());
    String second = steps.accepted(member.key());
    steps.usage(first, 35).assertStatus(200);

    JsonNode cancelled =
        SERVICE
            .api()
            .post("/api/v1/agent/tasks/" + first + "/cancel", member.key(), null)
            .assertStatus(200)
            .json();
    assertThat(cancelled.path("state").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.path("charged_credits").asLong()).isEqualTo(35);
    SERVICE
        .api()
        .post("/api/v1/agent/tasks/" + first + "/cancel", member.key(), null)
        .assertStatus(409);
    assertThat(steps.pool(team, member).path("available_credits").asLong())
        .isEqualTo(1_500 - 35 - 20);

    JsonNode page =
        SERVICE.api().get("/api/v1/agent/tasks?limit=1", member.key()).assertStatus(200).json();
    String cursor = page.path("next_cursor").asText();
    JsonNode rest =
        SERVICE
            .api()
            .get("/api/v1/agent/tasks?limit=1&cursor=" + cursor, member.key())
            .assertStatus(200)
            .json();
    List<String> seen = new ArrayList<>();
    page.path("tasks").forEach(t -> seen.add(t.path("task_id").asText()));
    rest.path("tasks").forEach(t -> seen.add(t.path("task_id").asText()));
    assertThat(seen).containsExactlyInAnyOrder(first, second);
    assertThat(rest.path("next_cursor").isNull()).isTrue();
    JsonNode cancelledOnly =
        SERVICE
            .api()
            .get("/api/v1/agent/tasks?state=CANCELLED&team_id=" + team.id(), team.teamKey())
            .assertStatus(200)
            .json();
    assertThat(cancelledOnly.path("tasks")).hasSize(1);

    JsonNode usage =
        SERVICE.api().get(team.path() + "/usage", team.owner().key()).assertStatus(200).json();
    long charged = 0;
    for (JsonNode day : usage.path("days")) {
      charged += day.path("credits_charged").asLong();
    }
    assertThat(charged).isEqualTo(35);
    assertThat(usage.path("members").get(0).path("member_id").asText()).isEqualTo(member.id());
  }

  @Test
  void members_and_team_keys_are_listed_without_secrets() {
    var team = SERVICE.teams().build().withMember().withTeamKey().create();

    JsonNode members =
        SERVICE.api().get(team.path() + "/members", team.owner().key()).assertStatus(200).json();
    assertThat(members.path("members")).hasSize(2);
    JsonNode self =
        SERVICE.api().get(team.path() + "/members", team.member().key()).assertStatus(200).json();
    assertThat(self.path("members")).hasSize(1);

    Reply keys = SERVICE.api().get(team.path() + "/api-keys", team.owner().key()).assertStatus(200);
    assertThat(keys.json().path("api_keys").get(0).path("key_id").asText())
        .isEqualTo(team.teamKeyId());
    assertThat(keys.body()).doesNotContain(team.teamKey());
    SERVICE.api().get(team.path() + "/api-keys", team.member().key()).assertStatus(403);
  }
}
