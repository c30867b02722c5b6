package dev.agentcredits.bootstrap.e2e;

import dev.agentcredits.bootstrap.AgentCreditsApplication;
import dev.agentcredits.bootstrap.RunningService;
import dev.agentcredits.bootstrap.Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real service for one test class, as {@code java -jar} would run it: the Spring context, HTTP
 * on a free port, PostgreSQL in a schema of the class's own, the memory broker and a manual clock.
 * Register it as a static field; every test provisions its own team, so tests do not depend on each
 * other or on their order. Public for the browser tests, which run the same service.
 */
public final class ServiceExtension implements BeforeAllCallback, AfterAllCallback {
  public static final String OPERATOR_KEY = "e2e-operator-key-0123456789";

  /** The 5th of a month, mid-day: a month's spend cap is not reset by accident during a test. */
  static final Instant CLOCK_START = Instant.parse("2031-03-05T12:00:00Z");

  private final java.util.function.Supplier<dev.agentcredits.bootstrap.PaymentSettings> payments;
  private RunningService service;
  private Settings settings;
  private boolean localWebhooks;
  private String schema;
  private Api api;

  public ServiceExtension() {
    this(() -> dev.agentcredits.bootstrap.PaymentSettings.SIMULATED);
  }

  /** With the payment gateway these settings name (asked for when the class starts). */
  ServiceExtension(
      java.util.function.Supplier<dev.agentcredits.bootstrap.PaymentSettings> payments) {
    this.payments = payments;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ContractCoverage.register(context);
    TestDatabase db = TestDatabase.get();
    schema =
        "e2e_"
            + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT)
            + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    settings =
        new Settings(
            0,
            Optional.of(OPERATOR_KEY),
            Settings.Store.POSTGRES,
            Path.of("target", "e2e-data"),
            db.url,
            db.user,
            db.password,
            Optional.of(schema),
            Settings.Broker.MEMORY,
            "amqp://guest:guest@127.0.0.1:5672",
            Settings.ClockMode.MANUAL,
            Optional.of(CLOCK_START),
            false,
            Settings.DEFAULT_RATE_LIMIT_PER_SECOND,
            Settings.DEFAULT_RATE_LIMIT_BURST,
            payments.get());
    settings = settings.withWebhooksAllowPrivate(localWebhooks);
    service = AgentCreditsApplication.start(settings);
    api = new Api(service.port());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (service != null) {
      service.close();
    }
    if (schema != null) {
      TestDatabase.get().drop(schema);
    }
  }

  /**
   * With webhooks allowed to go to this machine (AGENT_CREDITS_WEBHOOKS_ALLOW_PRIVATE=true), for a
   * receiver on 127.0.0.1; call it where the extension is declared.
   */
  ServiceExtension allowingLocalWebhooks() {
    localWebhooks = true;
    return this;
  }

  /**
   * Stops the service and starts it again on the same schema, as a restart would: a new port (take
   * {@link #api()} again) and the manual clock back at its start.
   */
  void restart() {
    service.close();
    service = AgentCreditsApplication.start(settings);
    api = new Api(service.port());
  }

  public int port() {
    return service.port();
  }

  public Api api() {
    return api;
  }

  /** A second instance on the same database schema (its own manual clock, at the same start). */
  RunningService startAnother() {
    return AgentCreditsApplication.start(settings);
  }

  public Teams teams() {
    return new Teams(api);
  }

  /** The types of the events the service stored for a team, in order (its outbox). */
  java.util.List<String> eventTypes(String teamId) {
    TestDatabase db = TestDatabase.get();
    try (var connection = java.sql.DriverManager.getConnection(db.url, db.user, db.password);
        var query =
            connection.prepareStatement(
                "SELECT type FROM " + schema + ".outbox WHERE team_id = ? ORDER BY sequence")) {
      query.setString(1, teamId);
      java.util.List<String> types = new java.util.ArrayList<>();
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          types.add(rows.getString(1));
        }
      }
      return types;
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** Moves the service's manual clock forward; due work is done before it answers. */
  public Instant advance(java.time.Duration by) {
    var reply =
        api.post(
            "/api/v1/ops/clock", OPERATOR_KEY, "{\"advance_seconds\": " + by.toSeconds() + "}");
    reply.assertStatus(200);
    return Instant.parse(reply.json().path("now").asText());
  }
}
