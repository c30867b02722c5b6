package dev.agentcredits.reliability;

import dev.agentcredits.bootstrap.AgentCreditsApplication;
import dev.agentcredits.bootstrap.PaymentSettings;
import dev.agentcredits.bootstrap.RunningService;
import dev.agentcredits.bootstrap.Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The real service started inside the test JVM, as {@code java -jar} would start it, on a free
 * port: store {@code postgres} on the given URL and schema, a manual clock by default.
 */
final class InProcessService implements AutoCloseable {
  static final String OPERATOR_KEY = "reliability-operator-key-0123456789";

  /** The 5th of a month, mid-day: no monthly spend reset and no refresh falls due by accident. */
  static final Instant CLOCK_START = Instant.parse("2031-03-05T12:00:00Z");

  private final RunningService service;
  private final Http http;

  private InProcessService(RunningService service) {
    this.service = service;
    this.http = new Http(service.port());
  }

  static Builder on(String dbUrl, String schema) {
    return new Builder(dbUrl, schema);
  }

  int port() {
    return service.port();
  }

  Http http() {
    return http;
  }

  @Override
  public void close() {
    service.close();
  }

  static final class Builder {
    private final String dbUrl;
    private final String schema;
    private Settings.Broker broker = Settings.Broker.MEMORY;
    private String amqpUrl = "amqp://guest:guest@127.0.0.1:5672";
    private Settings.ClockMode clock = Settings.ClockMode.MANUAL;
    private long perSecond = Settings.DEFAULT_RATE_LIMIT_PER_SECOND;
    private long burst = Settings.DEFAULT_RATE_LIMIT_BURST;
    private long authFailuresPerSecond;
    private long authFailureBurst = 1;

    private Builder(String dbUrl, String schema) {
      this.dbUrl = dbUrl;
      this.schema = schema;
    }

    Builder rabbitmq(String url) {
      this.broker = Settings.Broker.RABBITMQ;
      this.amqpUrl = url;
      return this;
    }

    Builder systemClock() {
      this.clock = Settings.ClockMode.SYSTEM;
      return this;
    }

    Builder rateLimit(long perSecond, long burst) {
      this.perSecond = perSecond;
      this.burst = burst;
      return this;
    }

    /** Throttles failed authentications per client address (none unless set). */
    Builder authThrottle(long perSecond, long burst) {
      this.authFailuresPerSecond = perSecond;
      this.authFailureBurst = burst;
      return this;
    }

    InProcessService start() {
      TestPostgres db = TestPostgres.get();
      var settings =
          new Settings(
              0,
              Optional.of(OPERATOR_KEY),
              Settings.Store.POSTGRES,
              Path.of("target", "reliability-data"),
              dbUrl,
              db.user,
              db.password,
              Optional.ofNullable(schema),
              broker,
              amqpUrl,
              clock,
              Optional.of(CLOCK_START),
              false,
              perSecond,
              burst,
              PaymentSettings.SIMULATED,
              authFailuresPerSecond,
              authFailureBurst,
              false);
      return new InProcessService(AgentCreditsApplication.start(settings));
    }
  }
}
