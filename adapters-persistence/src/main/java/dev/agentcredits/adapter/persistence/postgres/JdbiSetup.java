package dev.agentcredits.adapter.persistence.postgres;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Builds the Jdbi the stores share: plugins, how instants travel, and every row mapper. */
final class JdbiSetup {
  private JdbiSetup() {}

  static Jdbi create(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.installPlugin(new PostgresPlugin());
    jdbi.registerArgument(new InstantArgumentFactory());
    jdbi.registerArrayType(Instant.class, "timestamptz", JdbiSetup::stored);
    jdbi.registerColumnMapper(Instant.class, Rows.INSTANT);
    jdbi.registerRowMapper(TeamRow.class, TeamRow::map);
    jdbi.registerRowMapper(MemberRow.class, MemberRow::map);
    jdbi.registerRowMapper(MemberStandingRow.class, MemberStandingRow::map);
    jdbi.registerRowMapper(MemberTallyRow.class, MemberTallyRow::map);
    jdbi.registerRowMapper(ApiKeyRow.class, ApiKeyRow::map);
    jdbi.registerRowMapper(KeyInUseRow.class, KeyInUseRow::map);
    jdbi.registerRowMapper(PoolRow.class, PoolRow::map);
    jdbi.registerRowMapper(SourceRow.class, SourceRow::map);
    jdbi.registerRowMapper(RunRow.class, RunRow::map);
    jdbi.registerRowMapper(UsageRow.class, UsageRow::map);
    jdbi.registerRowMapper(PostingRow.class, PostingRow::map);
    jdbi.registerRowMapper(DayChargesRow.class, DayChargesRow::map);
    jdbi.registerRowMapper(PoolChargesRow.class, PoolChargesRow::map);
    jdbi.registerRowMapper(PurchaseRow.class, PurchaseRow::map);
    jdbi.registerRowMapper(SpendRow.class, SpendRow::map);
    jdbi.registerRowMapper(PoolTimeRow.class, PoolTimeRow::map);
    jdbi.registerRowMapper(PaymentMethodRow.class, PaymentMethodRow::map);
    jdbi.registerRowMapper(OutboxRow.class, OutboxRow::map);
    jdbi.registerRowMapper(IdempotencyRow.class, IdempotencyRow::map);
    jdbi.registerRowMapper(WebhookEndpointRow.class, WebhookEndpointRow::map);
    jdbi.registerRowMapper(WebhookDeliveryRow.class, WebhookDeliveryRow::map);
    jdbi.registerRowMapper(WebhookBacklogRow.class, WebhookBacklogRow::map);
    return jdbi;
  }

  /**
   * PostgreSQL keeps microseconds; the clock may give nanoseconds. Instants are cut to the
   * microsecond on the way in (alone or in arrays), so what is read back is exactly what was
   * stored: the server would round them.
   */
  static Instant stored(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Binds instants as timestamptz in UTC, whatever the JVM's or the session's time zone. */
  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      OffsetDateTime utc = stored(value).atOffset(ZoneOffset.UTC);
      return (position, statement, ctx) -> statement.setObject(position, utc);
    }
  }
}
