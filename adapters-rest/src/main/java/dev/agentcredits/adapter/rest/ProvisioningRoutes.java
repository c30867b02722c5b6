package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.application.port.in.AddMemberCommand;
import dev.agentcredits.application.port.in.AddMemberUseCase;
import dev.agentcredits.application.port.in.GrantContractCreditsCommand;
import dev.agentcredits.application.port.in.GrantContractCreditsUseCase;
import dev.agentcredits.application.port.in.IssueTeamApiKeyUseCase;
import dev.agentcredits.application.port.in.ListApiKeysUseCase;
import dev.agentcredits.application.port.in.ListMembersUseCase;
import dev.agentcredits.application.port.in.ProvisionTeamCommand;
import dev.agentcredits.application.port.in.ProvisionTeamUseCase;
import dev.agentcredits.application.port.in.RevokeApiKeyCommand;
import dev.agentcredits.application.port.in.RevokeApiKeyUseCase;
import dev.agentcredits.application.port.in.TeamApiKeyCommand;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Role;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** API.md "Provisioning": teams, members, team API keys and contract grants. */
final class ProvisioningRoutes {
  private final ProvisionTeamUseCase provisionTeam;
  private final AddMemberUseCase addMember;
  private final IssueTeamApiKeyUseCase issueTeamApiKey;
  private final RevokeApiKeyUseCase revokeApiKey;
  private final GrantContractCreditsUseCase grantContractCredits;
  private final ListMembersUseCase listMembers;
  private final ListApiKeysUseCase listApiKeys;

  ProvisioningRoutes(RestUseCases useCases) {
    this.provisionTeam = useCases.provisionTeam();
    this.addMember = useCases.addMember();
    this.issueTeamApiKey = useCases.issueTeamApiKey();
    this.revokeApiKey = useCases.revokeApiKey();
    this.grantContractCredits = useCases.grantContractCredits();
    this.listMembers = useCases.listMembers();
    this.listApiKeys = useCases.listApiKeys();
  }

  List<Route> routes() {
    return List.of(
        Route.post("/api/v1/teams", this::createTeam),
        Route.post("/api/v1/teams/{team_id}/members", this::addMember),
        Route.post("/api/v1/teams/{team_id}/api-keys", this::issueKey),
        Route.delete("/api/v1/teams/{team_id}/api-keys/{key_id}", this::revokeKey),
        Route.post("/api/v1/teams/{team_id}/grants", this::grant),
        Route.get("/api/v1/teams/{team_id}/members", this::members),
        Route.get("/api/v1/teams/{team_id}/api-keys", this::apiKeys));
  }

  private Reply createTeam(Exchange ex) {
    var request = ex.body(Requests.CreateTeam.class);
    var command =
        Exchange.valid(() ->
            new ProvisionTeamCommand(
                ex.caller(), request.name(), plan(request.plan()), request.ownerEmail()));
    return ex.reply(provisionTeam.provision(command), 201, Bodies::team);
  }

  private Reply addMember(Exchange ex) {
    var team = ex.team();
    var request = ex.body(Requests.AddMember.class);
    var command =
        Exchange.valid(
            () -> new AddMemberCommand(ex.caller(), team, request.email(), role(request.role())));
    return ex.reply(addMember.add(command), 201, Bodies::member);
  }

  private Reply issueKey(Exchange ex) {
    var team = ex.team();
    var request = ex.body(Requests.CreateApiKey.class);
    var command = Exchange.valid(() -> new TeamApiKeyCommand(ex.caller(), team, request.name()));
    return ex.reply(issueTeamApiKey.issue(command), 201, Bodies::key);
  }

  private Reply revokeKey(Exchange ex) {
    var command = new RevokeApiKeyCommand(ex.caller(), ex.team(), ex.keyId());
    return ex.reply(revokeApiKey.revoke(command), 204, id -> null);
  }

  private Reply grant(Exchange ex) {
    var team = ex.team();
    var request = ex.body(Requests.Grant.class);
    var command =
        Exchange.valid(() ->
            new GrantContractCreditsCommand(
                ex.caller(),
                team,
                Exchange.credits(request.credits(), "credits"),
                instant(request.expiresAt(), "expires_at")));
    return ex.reply(grantContractCredits.grant(command), 201, Bodies::grant);
  }

  static Plan plan(String plan) {
    return Arrays.stream(Plan.values())
        .filter(p -> p.name().equals(plan))
        .findFirst()
        .orElseThrow(() ->
            new IllegalArgumentException("plan must be one of " + Arrays.toString(Plan.values())));
  }

  static Role role(String role) {
    return Arrays.stream(Role.values())
        .filter(r -> r.name().equals(role))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("role must be ADMIN or MEMBER"));
  }

  static Instant instant(String value, String field) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
    }
  }

  private Reply members(Exchange ex) {
    var query = new TeamQuery(ex.caller(), ex.team());
    return ex.reply(listMembers.members(query), 200, Bodies::members);
  }

  private Reply apiKeys(Exchange ex) {
    var query = new TeamQuery(ex.caller(), ex.team());
    return ex.reply(listApiKeys.apiKeys(query), 200, Bodies::apiKeys);
  }
}
