package dev.agentcredits.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Provisions teams through the API as the operator does, and names what they hold. */
final class Tenants {
  private final Http http;
  private final String operatorKey;

  Tenants(Http http, String operatorKey) {
    this.http = http;
    this.operatorKey = operatorKey;
  }

  /** A member (the owner too) and the key it acts with. */
  record Member(String id, String role, String key) {}

  /** A provisioned team; {@code teamKey} is null when none was asked for. */
  record Team(
      String id,
      String plan,
      Member owner,
      List<Member> admins,
      List<Member> members,
      String teamKeyId,
      String teamKey) {

    String path() {
      return "/api/v1/teams/" + id;
    }

    Member admin() {
      return admins.getFirst();
    }

    Member member() {
      return members.getFirst();
    }

    /** Every member key, owner first. */
    List<Member> everyone() {
      List<Member> all = new ArrayList<>();
      all.add(owner);
      all.addAll(admins);
      all.addAll(members);
      return all;
    }
  }

  Team create(String plan, int admins, int members, boolean teamKey) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Answer created =
        http.post(
            "/api/v1/teams",
            operatorKey,
            """
            {"name": "Reliability %s", "plan": "%s", "owner_email": "owner-%s@example.test"}\
            """
                .formatted(tag, plan, tag));
    expect(created, 201);
    JsonNode team = created.json();
    String id = team.path("team_id").asText();
    Member owner = member(team.path("owner"));
    List<Member> adminList = new ArrayList<>();
    for (int i = 0; i < admins; i++) {
      adminList.add(addMember(id, "ADMIN", "admin" + i + "-" + tag));
    }
    List<Member> memberList = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      memberList.add(addMember(id, "MEMBER", "member" + i + "-" + tag));
    }
    String keyId = null;
    String key = null;
    if (teamKey) {
      Answer issued =
          http.post("/api/v1/teams/" + id + "/api-keys", operatorKey, "{\"name\": \"ci\"}");
      expect(issued, 201);
      keyId = issued.text("key_id");
      key = issued.text("api_key");
    }
    return new Team(id, plan, owner, adminList, memberList, keyId, key);
  }

  Member addMember(String team, String role, String name) {
    Answer added =
        http.post(
            "/api/v1/teams/" + team + "/members",
            operatorKey,
            "{\"email\": \"%s@example.test\", \"role\": \"%s\"}".formatted(name, role));
    expect(added, 201);
    return member(added.json());
  }

  /** A contract grant on an ENTERPRISE team, ending in ten years. */
  void grant(Team team, long credits) {
    expect(
        http.post(
            team.path() + "/grants",
            operatorKey,
            "{\"credits\": %d, \"expires_at\": \"2041-01-01T00:00:00Z\"}".formatted(credits)),
        201);
  }

  static void expect(Answer answer, int status) {
    if (answer.status() != status) {
      throw new AssertionError("expected " + status + ": " + answer);
    }
  }

  private static Member member(JsonNode node) {
    return new Member(
        node.path("member_id").asText(), node.path("role").asText(), node.path("api_key").asText());
  }
}
