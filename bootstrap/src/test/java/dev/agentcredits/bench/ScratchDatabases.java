package dev.agentcredits.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates and drops the benchmark's own databases, so a run always starts from nothing. */
final class ScratchDatabases {
  private final BenchOptions options;

  ScratchDatabases(BenchOptions options) {
    this.options = options;
  }

  void recreate(String name) {
    execute("DROP DATABASE IF EXISTS " + checked(name) + " WITH (FORCE)");
    execute("CREATE DATABASE " + checked(name));
  }

  void drop(String name) {
    execute("DROP DATABASE IF EXISTS " + checked(name) + " WITH (FORCE)");
  }

  private void execute(String sql) {
    try (Connection c =
            DriverManager.getConnection(
                options.jdbcUrl("postgres"), options.dbUser(), options.dbPassword());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static String checked(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    return name;
  }
}
