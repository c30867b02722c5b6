package dev.agentcredits.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * Provisions a team for one test through the API, as the operator would: {@code
 * teams.build().withAdmin().withMember().withTeamKey().create()}.
 */
public final class Teams {
  private final Api api;

  Teams(Api api) {
    this.api = api;
  }

  public Builder build() {
    return new Builder("BUILD");
  }

  Builder plan(String plan) {
    return new Builder(plan);
  }

  public Builder enterprise() {
    return new Builder("ENTERPRISE");
  }

  /** A member (or owner) and the key it acts with. */
  public record Member(String id, String email, String key) {}

  /** A provisioned team; the roles not asked for are null. */
  public record Team(
      String id,
      String plan,
      Member owner,
      Member admin,
      Member member,
      String teamKeyId,
      String teamKey) {

    public String path() {
      return "/api/v1/teams/" + id;
    }

    public String pool(Member who) {
      return path() + "/members/" + who.id() + "/pool";
    }
  }

  public final class Builder {
    private final String plan;
    private boolean admin;
    private boolean member;
    private boolean teamKey;

    private Builder(String plan) {
      this.plan = plan;
    }

    public Builder withAdmin() {
      admin = true;
      return this;
    }

    public Builder withMember() {
      member = true;
      return this;
    }

    public Builder withTeamKey() {
      teamKey = true;
      return this;
    }

    public Team create() {
      String tag = UUID.randomUUID().toString().substring(0, 8);
      JsonNode team =
          api.post(
                  "/api/v1/teams",
                  ServiceExtension.OPERATOR_KEY,
                  """
                  {"name": "Team %s", "plan": "%s", "owner_email": "owner-%s@example.test"}\
                  """
                      .formatted(tag, plan, tag))
              .assertStatus(201)
              .json();
      String id = team.path("team_id").asText();
      Member owner = member(team.path("owner"));
      Member adminMember = admin ? add(id, "ADMIN", "admin-" + tag) : null;
      Member plainMember = member ? add(id, "MEMBER", "member-" + tag) : null;
      String keyId = null;
      String key = null;
      if (teamKey) {
        JsonNode issued =
            api.post("/api/v1/teams/" + id + "/api-keys", owner.key(), "{\"name\": \"ci\"}")
                .assertStatus(201)
                .json();
        keyId = issued.path("key_id").asText();
        key = issued.path("api_key").asText();
      }
      return new Team(id, plan, owner, adminMember, plainMember, keyId, key);
    }

    private Member add(String team, String role, String name) {
      JsonNode added =
          api.post(
                  "/api/v1/teams/" + team + "/members",
                  ServiceExtension.OPERATOR_KEY,
                  "{\"email\": \"%s@example.test\", \"role\": \"%s\"}".formatted(name, role))
              .assertStatus(201)
              .json();
      return member(added);
    }

    private static Member member(JsonNode node) {
      return new Member(
          node.path("member_id").asText(),
          node.path("email").asText(),
          node.path("api_key").asText());
    }
  }
}
