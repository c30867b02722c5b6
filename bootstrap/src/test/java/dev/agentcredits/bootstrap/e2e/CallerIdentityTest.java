package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/v1/me}: a key tells who it acts as, which is how the billing page starts. */
class CallerIdentityTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Api api = SERVICE.api();

  @Test
  void a_member_key_names_its_team_plan_owner_and_role() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();

    JsonNode member = api.get("/api/v1/me", team.member().key()).assertStatus(200).json();
    JsonNode admin = api.get("/api/v1/me", team.admin().key()).assertStatus(200).json();

    assertThat(member.path("kind").asText()).isEqualTo("member");
    assertThat(member.path("team_id").asText()).isEqualTo(team.id());
    assertThat(member.path("plan").asText()).isEqualTo("BUILD");
    assertThat(member.path("owner_member_id").asText()).isEqualTo(team.owner().id());
    assertThat(member.path("member_id").asText()).isEqualTo(team.member().id());
    assertThat(member.path("email").asText()).isEqualTo(team.member().email());
    assertThat(member.path("role").asText()).isEqualTo("MEMBER");
    assertThat(admin.path("role").asText()).isEqualTo("ADMIN");
    assertThat(admin.path("member_id").asText()).isEqualTo(team.admin().id());
  }

  @Test
  void every_caller_reads_that_payments_are_simulated_on_this_server() {
    var team = SERVICE.teams().build().withTeamKey().create();

    for (String key :
        new String[] {team.owner().key(), team.teamKey(), ServiceExtension.OPERATOR_KEY}) {
      JsonNode me = api.get("/api/v1/me", key).assertStatus(200).json();
      assertThat(me.path("payments").asText()).as("key %s", key).isEqualTo("simulated");
    }
  }

  @Test
  void a_team_key_names_its_team_and_the_operator_only_itself() {
    var team = SERVICE.teams().enterprise().withTeamKey().create();

    JsonNode teamKey = api.get("/api/v1/me", team.teamKey()).assertStatus(200).json();
    JsonNode operator =
        api.get("/api/v1/me", ServiceExtension.OPERATOR_KEY).assertStatus(200).json();

    assertThat(teamKey.path("kind").asText()).isEqualTo("team_key");
    assertThat(teamKey.path("team_id").asText()).isEqualTo(team.id());
    assertThat(teamKey.path("plan").asText()).isEqualTo("ENTERPRISE");
    assertThat(teamKey.has("member_id")).isFalse();
    assertThat(operator.path("kind").asText()).isEqualTo("operator");
    assertThat(operator.has("team_id")).isFalse();
  }

  @Test
  void a_wrong_or_revoked_key_is_refused() {
    var team = SERVICE.teams().build().withTeamKey().create();
    api.delete(team.path() + "/api-keys/" + team.teamKeyId(), team.owner().key()).assertStatus(204);

    api.get("/api/v1/me", "not-a-key").assertProblem(401, "authentication_required");
    api.get("/api/v1/me", team.teamKey()).assertProblem(401, "authentication_required");
  }
}
