package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The teams' webhook endpoints (rule 26), each with the secret its deliveries are signed with. */
public interface WebhookEndpointStore {
  void insert(WebhookEndpoint endpoint);

  /** A team's endpoints, oldest first. */
  List<WebhookEndpoint> ofTeam(TeamId team);

  /** The enabled endpoints of any of {@code teams}: where their events go. */
  List<WebhookEndpoint> enabledOf(Collection<TeamId> teams);

  Optional<WebhookEndpoint> find(TeamId team, WebhookEndpointId id);

  /**
   * The endpoint, locked until the transaction ends, so that the results of attempts made at the
   * same time are counted one after another.
   */
  Optional<WebhookEndpoint> lock(WebhookEndpointId id);

  /** Saves the endpoint's state and {@code failingSince}. */
  void update(WebhookEndpoint endpoint);

  /** Deletes the endpoint and its deliveries; false when the team has no such endpoint. */
  boolean delete(TeamId team, WebhookEndpointId id);
}
