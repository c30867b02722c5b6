package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.shared.SourceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code credit_sources}, without its pool. */
record SourceRow(
    String sourceId,
    String kind,
    long remaining,
    long reserved,
    Instant acquiredAt,
    Instant expiresAt) {

  /**
   * The columns for a select list where {@code s} is the source; its kind as {@code source_kind},
   * which does not collide with the pool's {@code kind}.
   */
  static final String COLUMNS =
      "s.source_id, s.kind AS source_kind, s.remaining, s.reserved, s.acquired_at, s.expires_at";

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
        rs.getString("source_kind"),
        rs.getLong("remaining"),
        rs.getLong("reserved"),
        Rows.INSTANT.map(rs, "acquired_at", ctx),
        Rows.INSTANT.map(rs, "expires_at", ctx));
  }
}
