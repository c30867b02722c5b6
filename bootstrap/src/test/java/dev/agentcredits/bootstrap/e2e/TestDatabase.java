package dev.agentcredits.bootstrap.e2e;

import dev.agentcredits.adapter.persistence.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL the end-to-end tests run on: {@code AGENT_CREDITS_TEST_DB_URL} (with {@code _USER}
 * and {@code _PASSWORD}) when set, as in CI; otherwise one embedded server for the whole test run.
 * Each test class gets a schema of its own. Public for the benchmark's CI smoke test.
 */
public final class TestDatabase {
  private static TestDatabase instance;

  public final String url;
  public final String user;
  public final String password;
  private final EmbeddedDatabase embedded;

  private TestDatabase(String url, String user, String password, EmbeddedDatabase embedded) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  public static synchronized TestDatabase get() {
    if (instance == null) {
      String url = System.getenv("AGENT_CREDITS_TEST_DB_URL");
      if (url != null && !url.isBlank()) {
        instance =
            new TestDatabase(
                url,
                env("AGENT_CREDITS_TEST_DB_USER", "postgres"),
                env("AGENT_CREDITS_TEST_DB_PASSWORD", ""),
                null);
      } else {
        EmbeddedDatabase db = EmbeddedDatabase.start(tempDir());
        instance = new TestDatabase(db.jdbcUrl(), db.user(), db.password(), db);
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
      }
    }
    return instance;
  }

  /** Drops a schema a test class used, so a shared CI database does not fill up. */
  public void drop(String schema) {
    try (var connection = DriverManager.getConnection(url, user, password);
        var statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
    }
  }

  boolean isEmbedded() {
    return embedded != null;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("agent-credits-e2e-pg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
