package dev.agentcredits.bootstrap;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the service is configured with, from API.md's environment variables, each of which a
 * command-line flag may override ({@code AGENT_CREDITS_HTTP_PORT} is {@code --http-port=...}).
 * Parsed and checked in one place: {@link #parse} either answers complete settings or says what is
 * wrong.
 */
public record Settings(
    int httpPort,
    Optional<String> operatorKey,
    Store store,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    Optional<String> dbSchema,
    Broker broker,
    String amqpUrl,
    ClockMode clock,
    Optional<Instant> clockStart,
    boolean demo,
    long rateLimitPerSecond,
    long rateLimitBurst,
    PaymentSettings payments,
    long authFailuresPerSecond,
    long authFailureBurst,
    boolean trustForwardedFor,
    boolean webhooksAllowPrivate) {

  public enum Store {
    EMBEDDED,
    POSTGRES,
    MEMORY
  }

  public enum Broker {
    MEMORY,
    RABBITMQ
  }

  public enum ClockMode {
    SYSTEM,
    MANUAL
  }

  static final String PREFIX = "AGENT_CREDITS_";
  public static final long DEFAULT_RATE_LIMIT_PER_SECOND = 1_000;
  public static final long DEFAULT_RATE_LIMIT_BURST = 2_000;
  public static final long DEFAULT_AUTH_FAILURES_PER_SECOND = 2;
  public static final long DEFAULT_AUTH_FAILURE_BURST = 20;
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{16,200}");

  /** The settings, their defaults and what they mean; printed with {@code --help} and on errors. */
  static final List<String[]> OPTIONS =
      List.of(
          new String[] {"HTTP_PORT", "8080", "HTTP port (0: any free port)"},
          new String[] {
            "OPERATOR_KEY",
            "",
            "the operator's bearer key (16-200 printable characters); none: one is generated and printed"
          },
          new String[] {"STORE", "embedded", "embedded | postgres | memory"},
          new String[] {"DATA_DIR", "./data", "where the embedded store keeps its data"},
          new String[] {
            "DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres", "JDBC URL for postgres"
          },
          new String[] {"DB_USER", "postgres", "database user for postgres"},
          new String[] {"DB_PASSWORD", "", "database password for postgres"},
          new String[] {
            "DB_SCHEMA", "", "database schema (created when missing); none: the default schema"
          },
          new String[] {"BROKER", "memory", "memory | rabbitmq"},
          new String[] {
            "AMQP_URL", "amqp://guest:guest@127.0.0.1:5672", "RabbitMQ URL for rabbitmq"
          },
          new String[] {
            "CLOCK", "system", "system | manual (time moves only when the operator says so)"
          },
          new String[] {
            "CLOCK_START", "", "with a manual clock: the instant it starts at (ISO-8601); none: now"
          },
          new String[] {
            "DEMO",
            "false",
            "true: provision demo teams at start and print their keys (also --demo)"
          },
          new String[] {
            "RATE_LIMIT_PER_SECOND",
            "1000",
            "requests per second each API key may make, per instance (0: no limit)"
          },
          new String[] {
            "RATE_LIMIT_BURST", "2000", "requests each API key may make at once, per instance"
          },
          new String[] {
            "AUTH_FAILURES_PER_SECOND",
            "2",
            "failed authentications per second each client address may make, per instance, once"
                + " its burst is spent; beyond, keys not known to be valid get 429 without a look-up"
                + " (0: no limit)"
          },
          new String[] {
            "AUTH_FAILURE_BURST",
            "20",
            "failed authentications each client address may make at once, per instance"
          },
          new String[] {
            "TRUST_FORWARDED_FOR",
            "false",
            "true: the client address is the last one in X-Forwarded-For (behind a proxy that sets"
                + " it), not the connection's"
          },
          new String[] {
            "WEBHOOKS_ALLOW_PRIVATE",
            "false",
            "true: webhooks may go to plain http and to loopback, private and link-local addresses"
                + " (tests and one-machine setups only)"
          },
          new String[] {"PAYMENTS", "simulated", "simulated | stripe (the payment gateway)"},
          new String[] {"STRIPE_SECRET_KEY", "", "Stripe secret key (sk_test_… or sk_live_…)"},
          new String[] {
            "STRIPE_WEBHOOK_SECRET", "", "signing secret (whsec_…) of the Stripe webhook endpoint"
          },
          new String[] {
            "STRIPE_API_BASE", "", "where Stripe's API is (a proxy, a test double); none: Stripe's"
          });

  /** Settings with the simulated payment gateway. */
  public Settings(
      int httpPort,
      Optional<String> operatorKey,
      Store store,
      Path dataDir,
      String dbUrl,
      String dbUser,
      String dbPassword,
      Optional<String> dbSchema,
      Broker broker,
      String amqpUrl,
      ClockMode clock,
      Optional<Instant> clockStart,
      boolean demo,
      long rateLimitPerSecond,
      long rateLimitBurst) {
    this(
        httpPort,
        operatorKey,
        store,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        dbSchema,
        broker,
        amqpUrl,
        clock,
        clockStart,
        demo,
        rateLimitPerSecond,
        rateLimitBurst,
        PaymentSettings.SIMULATED);
  }

  /**
   * Settings without a throttle of failed authentications (built in code, as tests do; the
   * environment and flags default to {@link #DEFAULT_AUTH_FAILURE_BURST} failures, then {@link
   * #DEFAULT_AUTH_FAILURES_PER_SECOND} per second).
   */
  public Settings(
      int httpPort,
      Optional<String> operatorKey,
      Store store,
      Path dataDir,
      String dbUrl,
      String dbUser,
      String dbPassword,
      Optional<String> dbSchema,
      Broker broker,
      String amqpUrl,
      ClockMode clock,
      Optional<Instant> clockStart,
      boolean demo,
      long rateLimitPerSecond,
      long rateLimitBurst,
      PaymentSettings payments) {
    this(
        httpPort,
        operatorKey,
        store,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        dbSchema,
        broker,
        amqpUrl,
        clock,
        clockStart,
        demo,
        rateLimitPerSecond,
        rateLimitBurst,
        payments,
        0,
        1,
        false);
  }

  /** Settings whose webhooks go only to public https destinations (the default). */
  public Settings(
      int httpPort,
      Optional<String> operatorKey,
      Store store,
      Path dataDir,
      String dbUrl,
      String dbUser,
      String dbPassword,
      Optional<String> dbSchema,
      Broker broker,
      String amqpUrl,
      ClockMode clock,
      Optional<Instant> clockStart,
      boolean demo,
      long rateLimitPerSecond,
      long rateLimitBurst,
      PaymentSettings payments,
      long authFailuresPerSecond,
      long authFailureBurst,
      boolean trustForwardedFor) {
    this(
        httpPort,
        operatorKey,
        store,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        dbSchema,
        broker,
        amqpUrl,
        clock,
        clockStart,
        demo,
        rateLimitPerSecond,
        rateLimitBurst,
        payments,
        authFailuresPerSecond,
        authFailureBurst,
        trustForwardedFor,
        false);
  }

  /** These settings, with webhooks to private destinations allowed or not. */
  public Settings withWebhooksAllowPrivate(boolean allow) {
    return new Settings(
        httpPort,
        operatorKey,
        store,
        dataDir,
        dbUrl,
        dbUser,
        dbPassword,
        dbSchema,
        broker,
        amqpUrl,
        clock,
        clockStart,
        demo,
        rateLimitPerSecond,
        rateLimitBurst,
        payments,
        authFailuresPerSecond,
        authFailureBurst,
        trustForwardedFor,
        allow);
  }

  public Settings {
    java.util.Objects.requireNonNull(payments, "payments");
    if (httpPort < 0 || httpPort > 65535) {
      throw new SettingsException("AGENT_CREDITS_HTTP_PORT must be from 0 to 65535");
    }
    if (rateLimitPerSecond < 0 || rateLimitPerSecond > 1_000_000_000L) {
      throw new SettingsException(
          "AGENT_CREDITS_RATE_LIMIT_PER_SECOND must be from 0 to 1000000000");
    }
    if (rateLimitBurst < 1 || rateLimitBurst > 1_000_000_000L) {
      throw new SettingsException("AGENT_CREDITS_RATE_LIMIT_BURST must be from 1 to 1000000000");
    }
    if (authFailuresPerSecond < 0 || authFailuresPerSecond > 1_000_000_000L) {
      throw new SettingsException(
          "AGENT_CREDITS_AUTH_FAILURES_PER_SECOND must be from 0 to 1000000000");
    }
    if (authFailureBurst < 1 || authFailureBurst > 1_000_000_000L) {
      throw new SettingsException("AGENT_CREDITS_AUTH_FAILURE_BURST must be from 1 to 1000000000");
    }
  }

  /** Reads the environment, then the flags, which win; throws on anything it cannot use. */
  public static Settings parse(Map<String, String> environment, List<String> args) {
    Map<String, String> values = new HashMap<>();
    for (String[] option : OPTIONS) {
      String value = environment.get(PREFIX + option[0]);
      if (value != null && !value.isBlank()) {
        values.put(option[0], value.strip());
      }
    }
    for (String arg : args) {
      flag(arg, values);
    }
    return new Settings(
        port(values.getOrDefault("HTTP_PORT", "8080")),
        Optional.ofNullable(values.get("OPERATOR_KEY")).map(Settings::operatorKey),
        choice(Store.class, "STORE", values.getOrDefault("STORE", "embedded")),
        path(values.getOrDefault("DATA_DIR", "./data")),
        dbUrl(values.getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")),
        values.getOrDefault("DB_USER", "postgres"),
        values.getOrDefault("DB_PASSWORD", ""),
        Optional.ofNullable(values.get("DB_SCHEMA")).map(Settings::schema),
        choice(Broker.class, "BROKER", values.getOrDefault("BROKER", "memory")),
        amqpUrl(values.getOrDefault("AMQP_URL", "amqp://guest:guest@127.0.0.1:5672")),
        choice(ClockMode.class, "CLOCK", values.getOrDefault("CLOCK", "system")),
        Optional.ofNullable(values.get("CLOCK_START")).map(Settings::instant),
        bool("DEMO", values.getOrDefault("DEMO", "false")),
        count(
            "RATE_LIMIT_PER_SECOND",
            values.getOrDefault(
                "RATE_LIMIT_PER_SECOND", Long.toString(DEFAULT_RATE_LIMIT_PER_SECOND))),
        count(
            "RATE_LIMIT_BURST",
            values.getOrDefault("RATE_LIMIT_BURST", Long.toString(DEFAULT_RATE_LIMIT_BURST))),
        new PaymentSettings(
            choice(
                PaymentSettings.Gateway.class,
                "PAYMENTS",
                values.getOrDefault("PAYMENTS", "simulated")),
            Optional.ofNullable(values.get("STRIPE_SECRET_KEY")),
            Optional.ofNullable(values.get("STRIPE_WEBHOOK_SECRET")),
            Optional.ofNullable(values.get("STRIPE_API_BASE"))),
        count(
            "AUTH_FAILURES_PER_SECOND",
            values.getOrDefault(
                "AUTH_FAILURES_PER_SECOND", Long.toString(DEFAULT_AUTH_FAILURES_PER_SECOND))),
        count(
            "AUTH_FAILURE_BURST",
            values.getOrDefault("AUTH_FAILURE_BURST", Long.toString(DEFAULT_AUTH_FAILURE_BURST))),
        bool("TRUST_FORWARDED_FOR", values.getOrDefault("TRUST_FORWARDED_FOR", "false")),
        bool("WEBHOOKS_ALLOW_PRIVATE", values.getOrDefault("WEBHOOKS_ALLOW_PRIVATE", "false")));
  }

  /** {@code --name=value} for a setting, {@code --demo} alone for {@code --demo=true}. */
  private static void flag(String arg, Map<String, String> values) {
    if (arg.equals("--demo")) {
      values.put("DEMO", "true");
      return;
    }
    int eq = arg.indexOf('=');
    if (!arg.startsWith("--") || eq < 0) {
      throw new SettingsException("unknown argument " + arg + "; expected --name=value or --demo");
    }
    String name = arg.substring(2, eq).toUpperCase(Locale.ROOT).replace('-', '_');
    if (OPTIONS.stream().noneMatch(o -> o[0].equals(name))) {
      throw new SettingsException("unknown flag " + arg.substring(0, eq) + "; see --help");
    }
    values.put(name, arg.substring(eq + 1).strip());
  }

  static String usage() {
    StringBuilder usage =
        new StringBuilder(
            "usage: java -jar agent-credits.jar [--name=value ...] [--demo]\n"
                + "Each setting is an environment variable AGENT_CREDITS_<NAME> or a flag --<name>:\n");
    for (String[] option : OPTIONS) {
      usage.append(
          "  %-28s %s%s%n"
              .formatted(
                  "--" + option[0].toLowerCase(Locale.ROOT).replace('_', '-'),
                  option[2],
                  option[1].isEmpty() ? "" : " (default " + option[1] + ")"));
    }
    return usage.toString();
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new SettingsException("AGENT_CREDITS_HTTP_PORT must be a number, not " + value);
    }
  }

  private static long count(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new SettingsException(PREFIX + name + " must be a whole number, not " + value);
    }
  }

  private static String operatorKey(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new SettingsException(
          "AGENT_CREDITS_OPERATOR_KEY must be 16-200 printable ASCII characters without spaces");
    }
    return key;
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SettingsException(
          PREFIX
              + name
              + " must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ", not "
              + value);
    }
  }

  private static Path path(String value) {
    try {
      return Path.of(value);
    } catch (RuntimeException e) {
      throw new SettingsException("AGENT_CREDITS_DATA_DIR is not a path: " + value);
    }
  }

  private static String dbUrl(String value) {
    if (!value.startsWith("jdbc:postgresql:")) {
      throw new SettingsException("AGENT_CREDITS_DB_URL must start with jdbc:postgresql:");
    }
    return value;
  }

  private static String schema(String value) {
    if (!SCHEMA.matcher(value).matches()) {
      throw new SettingsException(
          "AGENT_CREDITS_DB_SCHEMA must be lower-case letters, digits and underscores");
    }
    return value;
  }

  private static String amqpUrl(String value) {
    if (!value.startsWith("amqp://") && !value.startsWith("amqps://")) {
      throw new SettingsException("AGENT_CREDITS_AMQP_URL must start with amqp:// or amqps://");
    }
    return value;
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new SettingsException(
          "AGENT_CREDITS_CLOCK_START must be an ISO-8601 instant such as 2030-01-01T00:00:00Z");
    }
  }

  private static boolean bool(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new SettingsException(PREFIX + name + " must be true or false");
    };
  }

  /** The password and the Stripe secrets are never shown. */
  @Override
  public String toString() {
    return "store=%s broker=%s clock=%s port=%d demo=%s payments=%s"
        .formatted(
            store.name().toLowerCase(Locale.ROOT),
            broker.name().toLowerCase(Locale.ROOT),
            clock.name().toLowerCase(Locale.ROOT),
            httpPort,
            demo,
            payments.gateway().name().toLowerCase(Locale.ROOT));
  }
}
