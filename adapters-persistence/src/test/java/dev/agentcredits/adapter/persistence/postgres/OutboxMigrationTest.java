package dev.agentcredits.adapter.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.application.testing.TestEventEncoder;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events in the outbox before V9 (a type name, a subject and JSONB data) are converted to the
 * CloudEvent text that CloudEventEncoder writes, so those not yet published are relayed as usual.
 */
class OutboxMigrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BEFORE_CLOUD_EVENT_TEXT = "8";

  /** The types V9 knew: those added since cannot be in an outbox written before it. */
  private static final List<EventType> TYPES_BEFORE_V9 =
      java.util.Arrays.stream(EventType.values())
          .filter(t -> t.ordinal() <= EventType.CREDITS_TRANSFERRED.ordinal())
          .toList();

  private final String schema = TestDatabase.newSchemaName();
  private final TestDatabase.Server server = TestDatabase.server();

  @AfterEach
  void dropSchema() {
    TestDatabase.dropSchema(schema);
  }

  @Test
  void anUnpublishedEventIsRelayedAsTheCloudEventItIsPublishedAsNow() throws Exception {
    migrateTo(BEFORE_CLOUD_EVENT_TEXT);
    String id = UUID.randomUUID().toString();
    String data =
        "{\"task_id\":\"task_9\",\"trigger\":\"SCHEDULED\",\"pool_id\":\"m:mem_1\","
            + "\"error_code\":\"insufficient_credits\",\"reason\":\"cap_reached\"}";
    Instant at = Instant.parse("2026-03-01T12:00:00.120Z");
    insertOld(id, "RUN_REJECTED", at, data, null);

    List<OutboxEvent> claimed = claimAfterMigrating();

    assertThat(claimed).hasSize(1);
    EncodedEvent event = claimed.getFirst().event();
    assertThat(event)
        .extracting(EncodedEvent::id, EncodedEvent::type, EncodedEvent::team)
        .containsExactly(id, "run.rejected", new TeamId("team_1"));
    assertThat(event.occurredAt()).isEqualTo(at);
    JsonNode cloudEvent = JSON.readTree(event.cloudEvent());
    assertThat(cloudEvent)
        .isEqualTo(
            JSON.readTree(
                "{\"specversion\":\"1.0\",\"id\":\""
                    + id
                    + "\",\"source\":\"/agent-credits\",\"type\":\"dev.agentcredits.run.rejected\","
                    + "\"datacontenttype\":\"application/json\",\"subject\":\"task_9\","
                    + "\"time\":\"2026-03-01T12:00:00.12Z\",\"teamid\":\"team_1\",\"data\":"
                    + data
                    + "}"));
    List<String> members = new ArrayList<>();
    cloudEvent.fieldNames().forEachRemaining(members::add);
    assertThat(members)
        .as("the members in the order CloudEventEncoder writes them")
        .containsExactly(
            "specversion",
            "id",
            "source",
            "type",
            "datacontenttype",
            "subject",
            "time",
            "teamid",
            "data");
  }

  @Test
  void everyTypeGetsItsPublicNameAndEveryTimeIsWrittenAsTheEncoderWritesIt() throws Exception {
    migrateTo(BEFORE_CLOUD_EVENT_TEXT);
    List<Instant> times = new ArrayList<>();
    Instant start = Instant.parse("2026-03-01T12:00:10Z");
    for (EventType type : TYPES_BEFORE_V9) {
      times.add(start.plusNanos(type.ordinal() * 10_000_000L + type.ordinal() * 1_000L));
      insertOld(UUID.randomUUID().toString(), type.name(), times.getLast(), "{}", null);
    }
    insertOld(UUID.randomUUID().toString(), "RUN_ACCEPTED", start, "{}", start.plusSeconds(1));

    List<OutboxEvent> claimed = claimAfterMigrating();

    assertThat(claimed)
        .extracting(e -> e.event().type())
        .containsExactly(
            TYPES_BEFORE_V9.stream().map(EventType::routingKey).toArray(String[]::new));
    for (int i = 0; i < claimed.size(); i++) {
      String time = JSON.readTree(claimed.get(i).event().cloudEvent()).get("time").asText();
      assertThat(time)
          .isEqualTo(
              DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(times.get(i).atOffset(ZoneOffset.UTC)));
    }
  }

  private void migrateTo(String version) {
    Flyway.configure()
        .dataSource(server.url(), server.user(), server.password())
        .schemas(schema)
        .defaultSchema(schema)
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
  }

  /** A row as the outbox wrote it before V9. */
  private void insertOld(String id, String type, Instant at, String data, Instant publishedAt)
      throws SQLException {
    try (Connection connection = server.connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO "
                    + schema
                    + ".outbox (event_id, type, team_id, subject, occurred_at, data, published_at)"
                    + " VALUES (CAST(? AS uuid), ?, 'team_1', 'task_9', ?, CAST(? AS jsonb), ?)")) {
      insert.setString(1, id);
      insert.setString(2, type);
      insert.setTimestamp(3, Timestamp.from(at));
      insert.setString(4, data);
      insert.setTimestamp(5, publishedAt == null ? null : Timestamp.from(publishedAt));
      insert.executeUpdate();
    }
  }

  private List<OutboxEvent> claimAfterMigrating() {
    try (PostgresPersistence persistence =
        PostgresPersistence.connect(
            server.url(), server.user(), server.password(), schema, new TestEventEncoder())) {
      return persistence
          .transactions()
          .inTransaction(() -> persistence.stores().outbox().claim(100));
    }
  }
}
