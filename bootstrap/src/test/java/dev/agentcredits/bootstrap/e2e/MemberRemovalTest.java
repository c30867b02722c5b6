package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API.md "Members and keys" (DOMAIN.md rule 22) and what run reads say about a run, against the
 * real service on PostgreSQL.
 */
class MemberRemovalTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private final Api api = SERVICE.api();
  private final Steps steps = new Steps(api);

  @Test
  void removing_a_member_stops_their_key_and_moves_their_lots_to_the_owner() {
    var team = SERVICE.teams().build().withAdmin().withMember().withTeamKey().create();
    var member = team.member();
    steps.purchase(team, member, member.key(), 1_000).assertStatus(201);
    String open = steps.accepted(member.key());
    long theirAddOn = steps.pool(team, member).path("addon_credits").asLong();
    long ownersAddOn = steps.pool(team, team.owner()).path("addon_credits").asLong();
    assertThat(theirAddOn).isEqualTo(1_000);
    String memberPath = team.path() + "/members/" + member.id();

    api.delete(team.path() + "/members/" + team.admin().id(), member.key())
        .assertProblem(403, "not_authorized");
    api.delete(team.path() + "/members/" + team.owner().id(), team.admin().key())
        .assertProblem(409, "conflict");
    api.delete(memberPath, team.admin().key()).assertStatus(204);

    api.get("/api/v1/me", member.key()).assertProblem(401, "authentication_required");
    api.get(team.path() + "/billing", member.key()).assertProblem(401, "authentication_required");
    assertThat(steps.pool(team, team.owner()).path("addon_credits").asLong())
        .isEqualTo(ownersAddOn + theirAddOn);
    JsonNode ledger =
        api.get(team.path() + "/ledger?limit=100", team.owner().key()).assertStatus(200).json();
    List<String> kinds = new ArrayList<>();
    long out = 0;
    long in = 0;
    boolean theirRunStillShows = false;
    for (JsonNode entry : ledger.path("entries")) {
      String kind = entry.path("kind").asText();
      kinds.add(kind);
      if (kind.equals("transferred_out")) {
        out += entry.path("credits").asLong();
        assertThat(entry.path("pool_id").asText()).isEqualTo("m:" + member.id());
      }
      if (kind.equals("transferred_in")) {
        in += entry.path("credits").asLong();
        assertThat(entry.path("pool_id").asText()).isEqualTo("m:" + team.owner().id());
      }
      theirRunStillShows |= open.equals(entry.path("task_id").asText());
    }
    assertThat(kinds).contains("transferred_out", "transferred_in");
    assertThat(out).isEqualTo(theirAddOn);
    assertThat(in).isEqualTo(theirAddOn);
    assertThat(theirRunStillShows).as("their run's hold is still in the ledger").isTrue();

    JsonNode members =
        api.get(team.path() + "/members", team.owner().key()).assertStatus(200).json();
    assertThat(members.path("members").findValuesAsText("member_id")).doesNotContain(member.id());
    JsonNode billing =
        api.get(team.path() + "/billing", team.owner().key()).assertStatus(200).json();
    assertThat(billing.path("pools").findValuesAsText("member_id")).doesNotContain(member.id());
    api.get(team.pool(member), team.owner().key()).assertProblem(404, "resource_not_found");
    api.delete(memberPath, team.admin().key()).assertProblem(404, "resource_not_found");
    api.post(memberPath + "/api-key", team.owner().key(), null)
        .assertProblem(404, "resource_not_found");

    // Their open run keeps its hold until it is settled, by the platform's keys.
    steps.usage(open, 7).assertStatus(200);
    JsonNode done = steps.complete(open, team.teamKey()).assertStatus(200).json();
    assertThat(done.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(done.path("charged_credits").asLong()).isEqualTo(7);
    JsonNode settled = steps.task(open, team.owner().key());
    assertThat(settled.path("held_credits").asLong()).isZero();
    assertThat(settled.path("submitted_by").path("email").asText()).isEqualTo(member.email());
  }

  @Test
  void rotating_a_key_stops_the_old_one_at_once() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();
    var member = team.member();
    String path = team.path() + "/members/" + member.id() + "/api-key";

    api.post(path, member.key(), null).assertProblem(403, "not_authorized");
    JsonNode rotated = api.post(path, team.admin().key(), null).assertStatus(200).json();

    assertThat(rotated.path("member_id").asText()).isEqualTo(member.id());
    String fresh = rotated.path("api_key").asText();
    assertThat(fresh).isNotBlank().isNotEqualTo(member.key());
    api.get(team.path() + "/billing", member.key()).assertProblem(401, "authentication_required");
    JsonNode me = api.get("/api/v1/me", fresh).assertStatus(200).json();
    assertThat(me.toString()).contains(member.id());
  }

  @Test
  void a_run_says_when_it_was_submitted_what_it_asked_and_who_asked() {
    var team = SERVICE.teams().build().withMember().withTeamKey().create();
    String longPrompt = "Refactor the billing module ".repeat(5);
    String byMember =
        api.post("/api/v1/agent/tasks", team.member().key(), "{\"prompt\": \"" + longPrompt + "\"}")
            .assertStatus(201)
            .json()
            .path("task_id")
            .asText();
    String byKey = steps.accepted(team.teamKey());
    String bySchedule =
        steps
            .submitScheduled(team.owner().key(), "nightly-7")
            .assertStatus(201)
            .json()
            .path("task_id")
            .asText();

    JsonNode memberRun = steps.task(byMember, team.owner().key());
    assertThat(memberRun.path("created_at").asText()).isNotBlank();
    String excerpt = memberRun.path("prompt_excerpt").asText();
    assertThat(excerpt.codePointCount(0, excerpt.length())).isEqualTo(80);
    assertThat(excerpt).endsWith("\u2026").startsWith("Refactor the billing module");
    assertThat(memberRun.path("submitted_by").path("member_id").asText())
        .isEqualTo(team.member().id());
    assertThat(memberRun.path("submitted_by").path("email").asText())
        .isEqualTo(team.member().email());
    JsonNode keyRun = steps.task(byKey, team.owner().key());
    assertThat(keyRun.path("prompt_excerpt").asText()).isEqualTo("Fix the flaky test");
    assertThat(keyRun.path("submitted_by").path("key_id").asText()).isEqualTo(team.teamKeyId());
    assertThat(keyRun.path("submitted_by").path("name").asText()).isEqualTo("ci");
    JsonNode scheduledRun = steps.task(bySchedule, team.owner().key());
    assertThat(scheduledRun.path("submitted_by").path("schedule_id").asText())
        .isEqualTo("nightly-7");

    JsonNode listed =
        api.get("/api/v1/agent/tasks?limit=10", team.owner().key()).assertStatus(200).json();
    for (JsonNode task : listed.path("tasks")) {
      assertThat(task.has("created_at")).isTrue();
      assertThat(task.has("prompt_excerpt")).isTrue();
      assertThat(task.has("submitted_by")).isTrue();
      if (task.path("task_id").asText().equals(byKey)) {
        assertThat(task.path("submitted_by")).isEqualTo(keyRun.path("submitted_by"));
      }
    }
  }

  @Test
  void a_key_used_shows_when_it_was_last_used() {
    var team = SERVICE.teams().build().withTeamKey().create();
    JsonNode before =
        api.get(team.path() + "/api-keys", team.owner().key()).assertStatus(200).json();
    assertThat(before.path("api_keys").get(0).has("last_used_at")).isFalse();

    steps.accepted(team.teamKey());

    JsonNode after =
        api.get(team.path() + "/api-keys", team.owner().key()).assertStatus(200).json();
    assertThat(after.path("api_keys").get(0).path("last_used_at").asText()).isNotBlank();
  }
}
