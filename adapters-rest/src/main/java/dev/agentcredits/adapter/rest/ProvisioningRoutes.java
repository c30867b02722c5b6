package dev.agentcredits.adapter.rest;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.application.port.in.GrantContractCreditsCommand;
import dev.agentcredits.application.port.in.GrantContractCreditsUseCase;
import dev.agentcredits.application.port.in.IssueTeamApiKeyUseCase;
import dev.agentcredits.application.port.in.ListApiKeysUseCase;
import dev.agentcredits.application.port.in.ProvisionTeamCommand;
import dev.agentcredits.application.port.in.ProvisionTeamUseCase;
import dev.agentcredits.application.port.in.RevokeApiKeyCommand;
import dev.agentcredits.application.port.in.RevokeApiKeyUseCase;
import dev.agentcredits.application.port.in.TeamApiKeyCommand;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.domain.team.Plan;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * API.md "Provisioning": teams, team API keys and contract grants (a team's members are {@link
 * MemberRoutes}).
 */
public final class ProvisioningRoutes implements RouteGroup {
  private final ProvisionTeamUseCase provisionTeam;
  private final IssueTeamApiKeyUseCase issueTeamApiKey;
  private final RevokeApiKeyUseCase revokeApiKey;
  private final ListApiKeysUseCase listApiKeys;
  private final GrantContractCreditsUseCase grantContractCredits;

  public ProvisioningRoutes(
      ProvisionTeamUseCase provisionTeam,
      IssueTeamApiKeyUseCase issueTeamApiKey,
      RevokeApiKeyUseCase revokeApiKey,
      ListApiKeysUseCase listApiKeys,
      GrantContractCreditsUseCase grantContractCredits) {
    this.provisionTeam = provisionTeam;
    this.issueTeamApiKey = issueTeamApiKey;
    this.revokeApiKey = revokeApiKey;
    this.listApiKeys = listApiKeys;
    this.grantContractCredits = grantContractCredits;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.post("/api/v1/teams", this::createTeam),
        Route.post("/api/v1/teams/{team_id}/api-keys", this::issueKey),
        Route.delete("/api/v1/teams/{team_id}/api-keys/{key_id}", this::revokeKey),
        Route.post("/api/v1/teams/{team_id}/grants", this::grant),
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

  static Instant instant(String value, String field) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
    }
  }

  private Reply apiKeys(Exchange ex) {
    var query = new TeamQuery(ex.caller(), ex.team());
    return ex.reply(listApiKeys.apiKeys(query), 200, Bodies::apiKeys);
  }
}
