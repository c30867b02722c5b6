package dev.agentcredits.application.port.in.view;

/**
 * A key's identity: {@code kind} {@code member}, {@code team_key} or {@code operator}; the team,
 * its name, plan and owner (none for the operator); the member, their email and role (members
 * only).
 */
public record CallerView(
    String kind,
    String teamId,
    String teamName,
    String plan,
    String ownerMemberId,
    String memberId,
    String email,
    String role) {

  public static CallerView operator() {
    return new CallerView("operator", null, null, null, null, null, null, null);
  }
}
