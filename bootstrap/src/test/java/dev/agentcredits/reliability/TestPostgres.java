package dev.agentcredits.reliability;

import dev.agentcredits.adapter.persistence.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL the suite runs on ({@code AGENT_CREDITS_TEST_DB_URL}, as in CI, else one embedded
 * server), and the superuser tools the tests use on it: schemas and databases of their own, plain
 * SQL, and cutting off exactly the connections of one service (by application name or database),
 * never those of other suites sharing the server.
 */
final class TestPostgres {
  private static TestPostgres instance;

  final String url;
  final String user;
  final String password;

  private TestPostgres(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * Some other server, such as a service's embedded one or a failover pair, with the same tools.
   */
  static TestPostgres at(String url, String user, String password) {
    return new TestPostgres(url, user, password);
  }

  static synchronized TestPostgres get() {
    if (instance == null) {
      String url = System.getenv("AGENT_CREDITS_TEST_DB_URL");
      if (url != null && !url.isBlank()) {
        instance =
            new TestPostgres(
                url,
                env("AGENT_CREDITS_TEST_DB_USER", "postgres"),
                env("AGENT_CREDITS_TEST_DB_PASSWORD", ""));
      } else {
        EmbeddedDatabase db;
        try {
          db = EmbeddedDatabase.start(Files.createTempDirectory("agent-credits-reliability-pg"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "reliability-pg-stop"));
        instance = new TestPostgres(db.jdbcUrl(), db.user(), db.password());
      }
    }
    return instance;
  }

  /** A fresh name for a schema or database: lower case, unique per run. */
  static String uniqueName(String prefix) {
    return (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
  }

  /** The test database's URL with the connections named {@code applicationName}. */
  String urlFor(String applicationName) {
    return withParameter(url, "ApplicationName", applicationName);
  }

  /** The URL of another database on the same server, its connections named as given. */
  String urlOfDatabase(String database, String applicationName) {
    String prefix = "jdbc:postgresql://";
    int slash = url.indexOf('/', prefix.length());
    int query = url.indexOf('?');
    String server = url.substring(0, slash);
    String params = query < 0 ? "" : url.substring(query);
    return withParameter(server + "/" + database + params, "ApplicationName", applicationName);
  }

  private static String withParameter(String url, String name, String value) {
    return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(urlFor("reliability-admin"), user, password);
  }

  Connection connect(String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  void execute(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement s = prepare(c, sql, params)) {
      s.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  List<Map<String, Object>> query(String sql, Object... params) {
    try (Connection c = connect()) {
      return query(c, sql, params);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static List<Map<String, Object>> query(Connection c, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params);
        ResultSet rs = s.executeQuery()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns; i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  long count(String sql, Object... params) {
    Object value = query(sql, params).getFirst().values().iterator().next();
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
    return s;
  }

  void dropSchema(String schema) {
    if (Boolean.getBoolean("reliability.keep")) {
      System.out.println("[reliability] kept schema " + schema);
      return;
    }
    try {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (RuntimeException e) {
      System.err.println("could not drop schema " + schema + ": " + e.getMessage());
    }
  }

  void createDatabase(String database) {
    execute("CREATE DATABASE " + database);
  }

  void dropDatabase(String database) {
    try {
      execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (RuntimeException e) {
      System.err.println("could not drop database " + database + ": " + e.getMessage());
    }
  }

  /** Ends every session named {@code applicationName}; answers how many. */
  int terminateApplication(String applicationName) {
    return (int)
        count(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE application_name = ? AND pid <> pg_backend_pid()",
            applicationName);
  }

  /** Ends every session on {@code database}; answers how many. */
  int terminateDatabase(String database) {
    return (int)
        count(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid()",
            database);
  }

  /** Lets no new session into {@code database} (superusers included), or lets them in again. */
  void allowConnections(String database, boolean allow) {
    execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS " + allow);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
