package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.bootstrap.e2e.Teams.Member;
import dev.agentcredits.bootstrap.e2e.Teams.Team;
import java.util.UUID;

/** The calls scenarios make again and again, named as a reader of the scenario would say them. */
public final class Steps {
  static final String INSUFFICIENT_CREDITS_TITLE =
      "The principal billed for this run has no remaining credits. Purchase add-on credits or"
          + " raise the team-wide spend cap to continue.";

  private final Api api;

  public Steps(Api api) {
    this.api = api;
  }

  public Reply submit(String key) {
    return api.post("/api/v1/agent/tasks", key, "{\"prompt\": \"Fix the flaky test\"}");
  }

  Reply submitScheduled(String key, String scheduleId) {
    return api.post(
        "/api/v1/agent/tasks",
        key,
        "{\"prompt\": \"Nightly triage\", \"schedule_id\": \"" + scheduleId + "\"}");
  }

  /** Submits a run that must be accepted; answers its task id. */
  public String accepted(String key) {
    return submit(key).assertStatus(201).json().path("task_id").asText();
  }

  public Reply usage(String task, long credits) {
    return usage(task, "u-" + UUID.randomUUID(), credits);
  }

  Reply usage(String task, String usageId, long credits) {
    return api.post(
        "/api/v1/agent/tasks/" + task + "/usage",
        ServiceExtension.OPERATOR_KEY,
        "{\"usage_id\": \"%s\", \"credits\": %d}".formatted(usageId, credits));
  }

  public Reply complete(String task, String key) {
    return api.post("/api/v1/agent/tasks/" + task + "/complete", key, null);
  }

  Reply retry(String task, String key) {
    return api.post("/api/v1/agent/tasks/" + task + "/retry", key, null);
  }

  public JsonNode task(String task, String key) {
    return api.get("/api/v1/agent/tasks/" + task, key).assertStatus(200).json();
  }

  public JsonNode pool(Team team, Member member) {
    return api.get(team.pool(member), member.key()).assertStatus(200).json();
  }

  Reply purchase(Team team, Member forMember, String key, long denomination) {
    return api.post(
        team.path() + "/members/" + forMember.id() + "/add-on-purchases",
        key,
        "{\"denomination_credits\": " + denomination + "}");
  }

  public Reply spendCap(Team team, String key, long cents) {
    return api.put(team.path() + "/spend-cap", key, "{\"monthly_limit_cents\": " + cents + "}");
  }

  Reply autoReload(Team team, Member member, String key, boolean enabled, long denomination) {
    return api.put(
        team.path() + "/members/" + member.id() + "/auto-reload",
        key,
        "{\"enabled\": %s, \"denomination_credits\": %d}".formatted(enabled, denomination));
  }

  JsonNode billing(Team team, String key) {
    return api.get(team.path() + "/billing", key).assertStatus(200).json();
  }

  /** The team's billing and ledger as its owner sees them: what a refused request must not move. */
  record Snapshot(JsonNode billing, JsonNode ledger) {}

  Snapshot snapshot(Team team) {
    return new Snapshot(
        billing(team, team.owner().key()),
        api.get(team.path() + "/ledger?limit=200", team.owner().key()).assertStatus(200).json());
  }

  void assertUnchanged(Team team, Snapshot before) {
    Snapshot after = snapshot(team);
    assertThat(after.billing()).as("the team's billing").isEqualTo(before.billing());
    assertThat(after.ledger()).as("the team's ledger").isEqualTo(before.ledger());
  }

  /** Uses up the member's plan credits with one run, completed. */
  void drain(Member member, long credits) {
    String task = accepted(member.key());
    usage(task, credits).assertStatus(200);
    complete(task, member.key()).assertStatus(200);
  }
}
