package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.WebhookEndpointStore;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The teams' webhook endpoints in {@code webhook_endpoints}. */
public final class PostgresWebhookEndpointStore implements WebhookEndpointStore {
  private final JdbiTransactionRunner db;

  PostgresWebhookEndpointStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public void insert(WebhookEndpoint endpoint) {
    db.withDao(
        WebhookEndpointDao.class,
        dao -> {
          dao.insert(WebhookEndpointRow.of(endpoint).params());
          return null;
        });
  }

  @Override
  public List<WebhookEndpoint> ofTeam(TeamId team) {
    return endpoints(db.withDao(WebhookEndpointDao.class, dao -> dao.ofTeam(team.value())));
  }

  @Override
  public List<WebhookEndpoint> enabledOf(Collection<TeamId> teams) {
    if (teams.isEmpty()) {
      return List.of();
    }
    String[] ids = teams.stream().map(TeamId::value).toArray(String[]::new);
    return endpoints(db.withDao(WebhookEndpointDao.class, dao -> dao.enabledOf(ids)));
  }

  @Override
  public Optional<WebhookEndpoint> find(TeamId team, WebhookEndpointId id) {
    return db.withDao(
        WebhookEndpointDao.class,
        dao -> dao.find(team.value(), id.value()).map(WebhookEndpointRow::toEndpoint));
  }

  @Override
  public Optional<WebhookEndpoint> lock(WebhookEndpointId id) {
    return db.withDao(
        WebhookEndpointDao.class, dao -> dao.lock(id.value()).map(WebhookEndpointRow::toEndpoint));
  }

  @Override
  public void update(WebhookEndpoint endpoint) {
    db.withDao(
        WebhookEndpointDao.class,
        dao -> dao.update(endpoint.id().value(), endpoint.state().name(), endpoint.failingSince()));
  }

  @Override
  public boolean delete(TeamId team, WebhookEndpointId id) {
    return db.withDao(WebhookEndpointDao.class, dao -> dao.delete(team.value(), id.value()) > 0);
  }

  private static List<WebhookEndpoint> endpoints(List<WebhookEndpointRow> rows) {
    return rows.stream().map(WebhookEndpointRow::toEndpoint).toList();
  }
}
