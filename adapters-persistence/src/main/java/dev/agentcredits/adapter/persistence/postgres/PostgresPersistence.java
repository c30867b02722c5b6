package dev.agentcredits.adapter.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.agentcredits.application.port.out.EventEncoder;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * Every store port on PostgreSQL: a HikariCP pool, the schema migrated by Flyway at start, JDBI on
 * top. The outbox keeps events as the given {@link EventEncoder} writes them. Close it to release
 * the connections.
 */
public final class PostgresPersistence implements AutoCloseable {
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final int MAX_CONNECTIONS = 10;
  private static final long CONNECTION_TIMEOUT_MS = 3_000;
  private static final int IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;
  private static final int HEALTH_TIMEOUT_SECONDS = 1;

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final JdbiTransactionRunner transactions;
  private final Stores stores;

  private PostgresPersistence(HikariDataSource dataSource, EventEncoder events) {
    this.dataSource = dataSource;
    this.jdbi = JdbiSetup.create(dataSource);
    this.transactions = new JdbiTransactionRunner(jdbi);
    var outbox = new PostgresEventOutbox(transactions, events);
    var limits = new PostgresMemberLimitStore(transactions);
    this.stores =
        new Stores(
            new PostgresTeamStore(transactions),
            new PostgresApiKeyStore(transactions),
            new PostgresPoolStore(transactions),
            new PostgresRunStore(transactions),
            new PostgresLedgerStore(transactions),
            new PostgresSpendStore(transactions),
            new PostgresPurchaseStore(transactions),
            outbox,
            new PostgresIdempotencyStore(transactions),
            new PostgresPaymentMethodStore(transactions),
            new PostgresPaymentEventStore(transactions),
            new PostgresBatchWriter(transactions, outbox),
            new PostgresWebhookEndpointStore(transactions),
            new PostgresWebhookDeliveryStore(transactions),
            limits);
  }

  /** Connects to the database's default schema and migrates it. */
  public static PostgresPersistence connect(
      String jdbcUrl, String user, String password, EventEncoder events) {
    return open(jdbcUrl, user, password, null, events);
  }

  /**
   * Connects to {@code schema} (lower-case letters, digits and underscores), creating it when
   * missing, and migrates it. Tests give each class a schema of its own.
   */
  public static PostgresPersistence connect(
      String jdbcUrl, String user, String password, String schema, EventEncoder events) {
    Objects.requireNonNull(schema, "schema");
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException("schema must match " + SCHEMA_NAME.pattern());
    }
    return open(jdbcUrl, user, password, schema, events);
  }

  private static PostgresPersistence open(
      String jdbcUrl, String user, String password, String schema, EventEncoder events) {
    Objects.requireNonNull(events, "events");
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config(jdbcUrl, user, password, schema));
    } catch (HikariPool.PoolInitializationException e) {
      throw new ResourceUnavailableException("cannot connect to " + jdbcUrl, e);
    }
    try {
      if (schema != null) {
        createSchema(dataSource, schema);
      }
      migrate(dataSource, schema);
      return new PostgresPersistence(dataSource, events);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static HikariConfig config(String jdbcUrl, String user, String password, String schema) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password == null ? "" : password);
    config.setPoolName("agent-credits" + (schema == null ? "" : "-" + schema));
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    config.setValidationTimeout(1_000);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    // JSON built by the database shows times in the session's zone; UTC keeps it plain.
    config.setConnectionInitSql("SET TIME ZONE 'UTC'");
    config.addDataSourceProperty("ApplicationName", "agent-credits");
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    // The longest wait outside the database inside a transaction is the relay's publisher confirm
    // (10 s): one idle longer belongs to a hung or partitioned instance. End it and release its
    // row locks (a pool's above all) instead of stalling that pool for every other instance.
    config.addDataSourceProperty(
        "options", "-c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION_TIMEOUT_MS);
    if (schema != null) {
      config.setSchema(schema);
    }
    return config;
  }

  private static void createSchema(HikariDataSource dataSource, String schema) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    } catch (SQLException e) {
      throw DatabaseFailures.translate(e);
    }
  }

  private static void migrate(HikariDataSource dataSource, String schema) {
    var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    if (schema != null) {
      flyway.schemas(schema).defaultSchema(schema);
    }
    flyway.load().migrate();
  }

  public Stores stores() {
    return stores;
  }

  public TransactionRunner transactions() {
    return transactions;
  }

  /**
   * Whether the database answers {@code SELECT 1} within a second, once a connection is had (the
   * pool waits at most its 3-second connection timeout for one).
   */
  public boolean isHealthy() {
    try {
      return jdbi.withHandle(handle ->
          handle
                  .createQuery("SELECT 1")
                  .setQueryTimeout(HEALTH_TIMEOUT_SECONDS)
                  .mapTo(Integer.class)
                  .one()
              == 1);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
