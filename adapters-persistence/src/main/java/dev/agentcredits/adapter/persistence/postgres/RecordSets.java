package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Many rows as one JSON array parameter for {@code jsonb_to_recordset}: an insert of any number of
 * rows is then one statement of fixed text, prepared once by the server and combinable with other
 * statements in one round trip ({@link DeferredWrites}). Instants go as ISO-8601 cut to the
 * microsecond, as every other binding stores them; JSONB columns go as JSON, not as strings.
 */
final class RecordSets {
  private RecordSets() {}

  /** The rows' named parameters (camelCase) as a JSON array of objects with snake_case keys. */
  static String json(List<Map<String, Object>> rows, Set<String> jsonColumns) {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      Map<String, Object> record = new LinkedHashMap<>();
      row.forEach((name, value) -> record.put(snake(name), value(name, value, jsonColumns)));
      out.add(record);
    }
    return Json.write(out);
  }

  private static Object value(String name, Object value, Set<String> jsonColumns) {
    if (value instanceof Instant instant) {
      return JdbiSetup.stored(instant).toString();
    }
    if (value instanceof String text && jsonColumns.contains(name)) {
      return Json.tree(text);
    }
    return value;
  }

  private static String snake(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
