package dev.agentcredits.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Looks for API keys in plaintext: in every text column of a schema, and in lines of text. */
final class Secrets {
  private Secrets() {}

  /** The key, and its random part without the {@code ac_xx_} prefix (it alone is the secret). */
  static List<String> needles(String key) {
    List<String> needles = new ArrayList<>(List.of(key));
    int second = key.indexOf('_', key.indexOf('_') + 1);
    if (key.startsWith("ac_") && second > 0 && key.length() - second > 20) {
      needles.add(key.substring(second + 1));
    }
    return needles;
  }

  /** Where a key shows up in the schema's text, varchar, json and jsonb columns; counts values. */
  static List<String> inDatabase(String schema, Collection<String> keys, long[] scanned)
      throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = TestPostgres.get().connect()) {
      List<Map<String, Object>> columns =
          TestPostgres.query(
              c,
              "SELECT table_name, column_name FROM information_schema.columns"
                  + " WHERE table_schema = ? AND data_type IN"
                  + " ('text', 'character varying', 'character', 'json', 'jsonb')",
              schema);
      for (Map<String, Object> column : columns) {
        String table = (String) column.get("table_name");
        String name = (String) column.get("column_name");
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "SELECT \"" + name + "\"::text FROM " + schema + ".\"" + table + "\"")) {
          while (rs.next()) {
            String value = rs.getString(1);
            scanned[0]++;
            if (value != null) {
              for (String key : keys) {
                for (String needle : needles(key)) {
                  if (value.contains(needle)) {
                    found.add(table + "." + name + " holds " + key);
                  }
                }
              }
            }
          }
        }
      }
    }
    return found;
  }

  /** The lines that hold a key. */
  static List<String> inText(List<String> lines, Collection<String> keys) {
    List<String> found = new ArrayList<>();
    for (String line : lines) {
      for (String key : keys) {
        for (String needle : needles(key)) {
          if (line.contains(needle)) {
            found.add(line.length() > 300 ? line.substring(0, 300) : line);
          }
        }
      }
    }
    return found;
  }
}
