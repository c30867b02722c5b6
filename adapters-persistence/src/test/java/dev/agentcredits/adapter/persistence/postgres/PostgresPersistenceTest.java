package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.application.port.out.contract.RunBuilder.aQueuedRun;
import static dev.agentcredits.application.port.out.contract.TeamBuilder.aTeam;
import static dev.agentcredits.application.port.out.contract.WriteBatchBuilder.aBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.application.port.out.contract.World;
import dev.agentcredits.application.testing.TestEventEncoder;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.team.Team;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connecting, migrating and answering health checks. */
class PostgresPersistenceTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private final PostgresPersistence first = DB.persistence();

  @Test
  void isHealthyWhileConnectedAndNotOnceClosed() {
    PostgresPersistence second = DB.open();
    assertThat(second.isHealthy()).isTrue();

    second.close();

    assertThat(second.isHealthy()).isFalse();
  }

  @Test
  void connectingToAnUnreachableServerIsResourceUnavailable() {
    assertThatThrownBy(() ->
            PostgresPersistence.connect(
                "jdbc:postgresql://127.0.0.1:1/nowhere", "x", "", new TestEventEncoder()))
        .isInstanceOf(ResourceUnavailableException.class);
  }

  @Test
  void aSchemaNameMustBeAPlainIdentifier() {
    TestDatabase.Server server = TestDatabase.server();

    assertThatThrownBy(() ->
            PostgresPersistence.connect(
                server.url(),
                server.user(),
                server.password(),
                "x; DROP SCHEMA public",
                new TestEventEncoder()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reconnectingToAMigratedSchemaMigratesNothing() throws Exception {
    try (PostgresPersistence second = DB.open()) {
      assertThat(second.isHealthy()).isTrue();
    }

    assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success"))
        .isEqualTo(count("SELECT count(*) FROM flyway_schema_history"))
        .isEqualTo(migrations());
  }

  /** The migrations this module ships, so a branch that adds one need not edit this test. */
  private static long migrations() throws Exception {
    var folder = PostgresPersistenceTest.class.getResource("/db/migration").toURI();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(folder))) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
  }

  @Test
  void instantsAreKeptToTheMicrosecond() {
    Instant nanos = Instant.parse("2026-03-01T10:00:00.123456789Z");
    Team team = aTeam().build();
    Team withNanos =
        new Team(team.id(), team.name(), team.plan(), team.owner(), team.monthlySpendCap(), nanos);

    first.stores().teams().insert(withNanos);

    assertThat(first.stores().teams().find(team.id()).orElseThrow().createdAt())
        .isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
  }

  /** Many rows go as arrays: cut like single values, not rounded by the server. */
  @Test
  void instantsWrittenAsArraysAreKeptToTheMicrosecondToo() {
    World world = World.create(first.stores(), first.transactions());
    Run run =
        aQueuedRun(world.team())
            .lastActiveAt(Instant.parse("2026-03-01T10:00:00.123456789Z"))
            .build();

    aBatch().newRun(run, null).writeTo(first.stores().batches());

    assertThat(first.stores().runs().find(run.id()).orElseThrow().lastActivityAt())
        .isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = DB.jdbc();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
