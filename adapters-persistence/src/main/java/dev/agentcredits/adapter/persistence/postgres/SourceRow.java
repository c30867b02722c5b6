package dev.agentcredits.adapter.persistence.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.shared.SourceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row of {@code credit_sources}. Sources also travel as a JSON array, both ways: written with
 * {@code jsonb_to_recordset}, read with {@code json_agg}, so a pool is saved or read in one
 * statement.
 */
record SourceRow(
    String sourceId,
    String kind,
    long remaining,
    long reserved,
    Instant acquiredAt,
    Instant expiresAt) {

  static final String COLUMNS = "source_id, kind, remaining, reserved, acquired_at, expires_at";

  /** A pool's sources as one JSON array, for a select list where {@code p} is the pool. */
  static final String JSON_OF_POOL =
      "(SELECT json_agg(json_build_object('source_id', s.source_id, 'kind', s.kind, 'remaining',"
          + " s.remaining, 'reserved', s.reserved, 'acquired_at', s.acquired_at, 'expires_at',"
          + " s.expires_at)) FROM credit_sources s WHERE s.pool_id = p.pool_id)";

  static SourceRow of(CreditSource source) {
    return new SourceRow(
        source.id().value(),
        source.kind().name(),
        source.remaining(),
        source.reserved(),
        source.acquiredAt(),
        source.expiresAt());
  }

  CreditSource toSource() {
    return new CreditSource(
        new SourceId(sourceId),
        SourceKind.valueOf(kind),
        remaining,
        reserved,
        acquiredAt,
        expiresAt);
  }

  static SourceRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new SourceRow(
        rs.getString("source_id"),
        rs.getString("kind"),
        rs.getLong("remaining"),
        rs.getLong("reserved"),
        Rows.INSTANT.map(rs, "acquired_at", ctx),
        Rows.INSTANT.map(rs, "expires_at", ctx));
  }

  /** The JSON array {@code jsonb_to_recordset} reads; instants as ISO-8601 UTC text. */
  static String toJson(List<CreditSource> sources) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CreditSource source : sources) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("source_id", source.id().value());
      row.put("kind", source.kind().name());
      row.put("remaining", source.remaining());
      row.put("reserved", source.reserved());
      row.put("acquired_at", JdbiSetup.stored(source.acquiredAt()).toString());
      row.put("expires_at", JdbiSetup.stored(source.expiresAt()).toString());
      rows.add(row);
    }
    return Json.write(rows);
  }

  /** Reads {@link #JSON_OF_POOL}; null (no sources) is an empty list. */
  static List<CreditSource> fromJson(String json) {
    if (json == null) {
      return List.of();
    }
    List<CreditSource> sources = new ArrayList<>();
    for (JsonNode node : Json.tree(json)) {
      sources.add(
          new SourceRow(
                  node.get("source_id").asText(),
                  node.get("kind").asText(),
                  node.get("remaining").asLong(),
                  node.get("reserved").asLong(),
                  instant(node.get("acquired_at")),
                  instant(node.get("expires_at")))
              .toSource());
    }
    return sources;
  }

  private static Instant instant(JsonNode node) {
    return OffsetDateTime.parse(node.asText()).toInstant();
  }
}
