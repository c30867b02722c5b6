package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.testing.TestEventEncoder;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, migrated schema for one test class, dropped after it: register it as a static field with
 * {@code @RegisterExtension}. Its outbox encodes with a {@link TestEventEncoder}.
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {
  private final TestEventEncoder encoder = new TestEventEncoder();
  private String name;
  private PostgresPersistence persistence;

  @Override
  public void beforeAll(ExtensionContext context) {
    name = TestDatabase.newSchemaName();
    persistence = open();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (persistence != null) {
      persistence.close();
    }
    TestDatabase.dropSchema(name);
  }

  public String name() {
    return name;
  }

  public PostgresPersistence persistence() {
    return persistence;
  }

  /** What every connection pool of the schema encoded its events with. */
  public TestEventEncoder encoder() {
    return encoder;
  }

  /** A plain JDBC connection to the schema, for what no store does (raw SQL, counts). */
  public Connection jdbc() throws SQLException {
    Connection connection = TestDatabase.server().connect();
    connection.setSchema(name);
    return connection;
  }

  /** Another connection pool on the same schema, as a second instance of the service would be. */
  public PostgresPersistence open() {
    TestDatabase.Server server = TestDatabase.server();
    return PostgresPersistence.connect(
        server.url(), server.user(), server.password(), name, encoder);
  }
}
