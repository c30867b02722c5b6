package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface WebhookEndpointDao {
  String SELECT = "SELECT " + WebhookEndpointRow.COLUMNS + " FROM webhook_endpoints";

  @SqlUpdate(
      "INSERT INTO webhook_endpoints ("
          + WebhookEndpointRow.COLUMNS
          + ") VALUES (:endpointId, :teamId, :url, :eventTypes, :description, :secret, :state,"
          + " :createdAt, :failingSince)")
  void insert(@BindMap Map<String, Object> endpoint);

  @SqlQuery(SELECT + " WHERE team_id = :team ORDER BY created_at, endpoint_id COLLATE \"C\"")
  List<WebhookEndpointRow> ofTeam(@Bind("team") String team);

  @SqlQuery(SELECT + " WHERE team_id = ANY(:teams) AND state = 'ENABLED'")
  List<WebhookEndpointRow> enabledOf(@Bind("teams") String[] teams);

  @SqlQuery(SELECT + " WHERE team_id = :team AND endpoint_id = :id")
  Optional<WebhookEndpointRow> find(@Bind("team") String team, @Bind("id") String id);

  @SqlQuery(SELECT + " WHERE endpoint_id = :id FOR UPDATE")
  Optional<WebhookEndpointRow> lock(@Bind("id") String id);

  @SqlUpdate(
      "UPDATE webhook_endpoints SET state = :state, failing_since = :failingSince"
          + " WHERE endpoint_id = :id")
  int update(
      @Bind("id") String id,
      @Bind("state") String state,
      @Bind("failingSince") Instant failingSince);

  /** Its deliveries go with it (ON DELETE CASCADE). */
  @SqlUpdate("DELETE FROM webhook_endpoints WHERE team_id = :team AND endpoint_id = :id")
  int delete(@Bind("team") String team, @Bind("id") String id);
}
