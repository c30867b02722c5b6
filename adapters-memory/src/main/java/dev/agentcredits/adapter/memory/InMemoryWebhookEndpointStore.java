package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.WebhookEndpointStore;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The endpoints twin; deleting one deletes its deliveries, as the foreign key does. */
final class InMemoryWebhookEndpointStore implements WebhookEndpointStore {
  private final MemoryDatabase db;
  private final InMemoryWebhookDeliveryStore deliveries;
  private final Table<WebhookEndpointId, WebhookEndpoint> endpoints;

  InMemoryWebhookEndpointStore(MemoryDatabase db, InMemoryWebhookDeliveryStore deliveries) {
    this.db = db;
    this.deliveries = deliveries;
    this.endpoints = new Table<>(db);
  }

  @Override
  public void insert(WebhookEndpoint endpoint) {
    db.run(() -> {
      if (endpoints.contains(endpoint.id())) {
        throw new IllegalStateException("endpoint " + endpoint.id() + " exists");
      }
      endpoints.put(endpoint.id(), endpoint);
    });
  }

  @Override
  public List<WebhookEndpoint> ofTeam(TeamId team) {
    return db.call(() ->
        endpoints.values().stream()
            .filter(e -> e.team().equals(team))
            .sorted(Comparator.comparing(WebhookEndpoint::createdAt))
            .toList());
  }

  @Override
  public List<WebhookEndpoint> enabledOf(Collection<TeamId> teams) {
    return db.call(() ->
        endpoints.values().stream()
            .filter(e -> e.isEnabled() && teams.contains(e.team()))
            .toList());
  }

  @Override
  public Optional<WebhookEndpoint> find(TeamId team, WebhookEndpointId id) {
    return db.call(() -> endpoints.get(id).filter(e -> e.team().equals(team)));
  }

  @Override
  public Optional<WebhookEndpoint> lock(WebhookEndpointId id) {
    return db.call(() -> endpoints.get(id));
  }

  @Override
  public void update(WebhookEndpoint endpoint) {
    db.run(() -> {
      if (endpoints.contains(endpoint.id())) {
        endpoints.put(endpoint.id(), endpoint);
      }
    });
  }

  @Override
  public boolean delete(TeamId team, WebhookEndpointId id) {
    return db.call(() -> {
      if (find(team, id).isEmpty()) {
        return false;
      }
      endpoints.remove(id);
      deliveries.deleteOf(id);
      return true;
    });
  }
}
