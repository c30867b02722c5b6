package dev.agentcredits.adapter.persistence.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.ColumnMapper;

/** Reading columns: instants and nullable numbers without the JDBC {@code wasNull} dance. */
final class Rows {
  private Rows() {}

  /** A timestamptz as an instant, whatever the JVM's time zone; also registered with the Jdbi. */
  static final ColumnMapper<Instant> INSTANT =
      (rs, column, ctx) -> {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
      };

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
