package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.WebhookEndpointStore;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import java.util.List;

/**
 * A team's webhook endpoints as its owner, an admin or the operator reach them (rule 26): anyone
 * else is refused, and an endpoint the team does not have is not found. Call inside a transaction.
 */
public final class TeamEndpoints {
  private final Access access;
  private final WebhookEndpointStore endpoints;

  public TeamEndpoints(Access access, WebhookEndpointStore endpoints) {
    this.access = access;
    this.endpoints = endpoints;
  }

  /** The team, if the caller may manage its endpoints; a refusal otherwise. */
  Team administered(Caller caller, TeamId team) {
    return access.administeredTeam(caller, team);
  }

  /** Call once {@link #administered} let the caller in. */
  void add(WebhookEndpoint endpoint) {
    endpoints.insert(endpoint);
  }

  List<WebhookEndpoint> list(Caller caller, TeamId team) {
    administered(caller, team);
    return endpoints.ofTeam(team);
  }

  WebhookEndpoint find(Caller caller, TeamId team, WebhookEndpointId endpoint) {
    administered(caller, team);
    return endpoints.find(team, endpoint).orElseThrow(() -> Guard.refuse(notFound(endpoint)));
  }

  void delete(Caller caller, TeamId team, WebhookEndpointId endpoint) {
    administered(caller, team);
    if (!endpoints.delete(team, endpoint)) {
      throw Guard.refuse(notFound(endpoint));
    }
  }

  private static Refusal notFound(WebhookEndpointId endpoint) {
    return Refusal.notFound("webhook endpoint " + endpoint);
  }
}
