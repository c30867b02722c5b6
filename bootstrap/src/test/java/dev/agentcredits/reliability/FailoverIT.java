package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failover of the external store: the real jar on a PostgreSQL primary with a synchronous standby,
 * reached by a multi-host URL ({@code targetServerType=primary}). Under load the primary stops with
 * {@code -m immediate} (a crash) and the standby is promoted; the service serves again by itself,
 * every request answered 2xx before or after is on the new primary, the outbox relay publishes what
 * was written after the failover and the time-keeping jobs resolve open holds.
 *
 * <p>The pair is two extra clusters of the machine's PostgreSQL, made by {@code .ci/failover-pair}
 * ({@code .ci/run} makes it and sets {@code AGENT_CREDITS_TEST_FAILOVER_PRIMARY} and {@code
 * _STANDBY}); the test makes a fresh pair when the one it finds is not a primary with its
 * synchronous standby (as after its own last run), and stops both at the end.
 */
class FailoverIT {
  private static final String OPERATOR = "reliability-failover-operator-0123456789";
  private static final String PG_VERSION = "15";
  private static final String PRIMARY_CLUSTER = "agent_credits_primary";
  private static final String STANDBY_CLUSTER = "agent_credits_standby";
  private static final Duration SERVE_AGAIN_WITHIN = Duration.ofSeconds(30);
  private static final Figures FIGURES = new Figures(FailoverIT.class);

  private static TestPostgres primary;
  private static TestPostgres standby;
  private static Path pairScript;
  private static String schema;
  private static JarService service;
  private static Http http;

  @BeforeAll
  static void start() {
    String primaryUrl = System.getenv("AGENT_CREDITS_TEST_FAILOVER_PRIMARY");
    String standbyUrl = System.getenv("AGENT_CREDITS_TEST_FAILOVER_STANDBY");
    if (primaryUrl == null || standbyUrl == null) {
      String why =
          "no failover pair: AGENT_CREDITS_TEST_FAILOVER_PRIMARY and _STANDBY are not set"
              + " (.ci/run sets them after `.ci/failover-pair reset`)";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(why + ", and under CI=true this test must run");
      }
      Assumptions.abort(why);
    }
    primary = TestPostgres.at(primaryUrl, "postgres", "");
    standby = TestPostgres.at(standbyUrl, "postgres", "");
    pairScript =
        Path.of(
            System.getenv()
                .getOrDefault("AGENT_CREDITS_TEST_FAILOVER_PAIR", "../.ci/failover-pair"));
    if (!inSync()) {
      run(pairScript.toString(), "reset");
    }
    schema = TestPostgres.uniqueName("rel_failover");
    String multiHost =
        "jdbc:postgresql://"
            + hostAndPort(primaryUrl)
            + ","
            + hostAndPort(standbyUrl)
            + "/"
            + database(primaryUrl)
            + "?targetServerType=primary";
    service =
        new JarService(
            Map.of(
                "AGENT_CREDITS_STORE",
                "postgres",
                "AGENT_CREDITS_DB_URL",
                multiHost,
                "AGENT_CREDITS_DB_USER",
                "postgres",
                "AGENT_CREDITS_DB_SCHEMA",
                schema,
                "AGENT_CREDITS_CLOCK",
                "manual",
                "AGENT_CREDITS_CLOCK_START",
                InProcessService.CLOCK_START.toString(),
                "AGENT_CREDITS_OPERATOR_KEY",
                OPERATOR,
                "AGENT_CREDITS_BROKER",
                "memory"),
            Path.of("target", "reliability", "failover-service.log"));
    service.start();
    http = new Http(service.port(), Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (pairScript != null) {
      run(pairScript.toString(), "stop");
    }
    FIGURES.write();
  }

  @Test
  void the_standby_promoted_after_a_primary_crash_serves_again_with_every_201() throws Exception {
    Journal journal = new Journal(primary, primary.urlFor("reliability-journal"), schema);
    RunsLoad load = new RunsLoad(http, OPERATOR, journal);
    long stoppedAt;
    long promotedAt;
    long servedAgainAt = 0;
    long beforeFailover;
    long outboxAtFailover;
    try (var workers = new Load.Workers(8, worker -> load.step())) {
      Load.pause(Duration.ofSeconds(3));
      beforeFailover = journal.matching(c -> c.success() != null).size();
      outboxAtFailover =
          primary.count("SELECT coalesce(max(sequence), 0) FROM " + schema + ".outbox");
      stoppedAt = System.nanoTime();
      run(
          "pg_ctlcluster",
          "--skip-systemctl-redirect",
          PG_VERSION,
          PRIMARY_CLUSTER,
          "stop",
          "-m",
          "immediate");
      run("pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, STANDBY_CLUSTER, "promote");
      promotedAt = System.nanoTime();
      long deadline = stoppedAt + SERVE_AGAIN_WITHIN.toNanos();
      while (servedAgainAt == 0 && System.nanoTime() < deadline) {
        servedAgainAt = firstCreatedAfter(journal, promotedAt);
        Load.pause(Duration.ofMillis(100));
      }
      Load.pause(Duration.ofSeconds(2));
      workers.stop();
    }
    assertThat(servedAgainAt)
        .as("a 201 within %s of the primary's crash", SERVE_AGAIN_WITHIN)
        .isPositive();

    Journal onNewPrimary = journal.on(standby, standby.urlFor("reliability-journal"));
    List<String> missing = onNewPrimary.missingFromLedger();
    long acknowledged = journal.matching(c -> c.success() != null).size();
    assertThat(missing).as("2xx answers missing on the promoted standby").isEmpty();
    int retried = load.retryUntilResolved();
    assertThat(onNewPrimary.missingFromLedger()).isEmpty();
    assertThat(onNewPrimary.effectsNotOnce()).isEmpty();
    try (Bank bank = new Bank(standby, standby.urlFor("reliability-bank"), schema)) {
      assertThat(bank.audit().failures()).isEmpty();
    }
    awaitOutboxPublished();
    long publishedAfter =
        standby.count(
            "SELECT count(*) FROM "
                + schema
                + ".outbox WHERE sequence > ? AND published_at IS NOT NULL",
            outboxAtFailover);

    long queued = standby.count("SELECT count(*) FROM " + schema + ".runs WHERE state = 'QUEUED'");
    load.advance(Duration.ofHours(24).plusMinutes(1));
    awaitNoneQueued();

    FIGURES.add(
        "primary stopped -m immediate, standby promoted under load (8 clients): serving again"
            + " %.1f s after the crash (%.1f s after the promotion); %d requests acknowledged (%d"
            + " before the crash), 0 lost, none charged twice after %d retries under their keys",
        (servedAgainAt - stoppedAt) / 1e9,
        (servedAgainAt - promotedAt) / 1e9,
        acknowledged,
        beforeFailover,
        retried);
    FIGURES.add(
        "after the failover the outbox relay published %d events (none left unpublished) and the"
            + " time-keeping jobs resolved %d open holds by their time to live",
        publishedAfter, queued);
  }

  /** When the first submit sent after {@code since} was answered 201; 0 for none yet. */
  private static long firstCreatedAfter(Journal journal, long since) {
    return journal.calls().stream()
        .flatMap(c -> c.answers().stream())
        .filter(a -> a.status() == 201 && a.startedAt() > since)
        .mapToLong(a -> a.startedAt() + a.nanos())
        .min()
        .orElse(0);
  }

  private static void awaitOutboxPublished() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String sql = "SELECT count(*) FROM " + schema + ".outbox WHERE published_at IS NULL";
    while (standby.count(sql) > 0) {
      assertThat(System.nanoTime()).as("the relay publishes the outbox").isLessThan(deadline);
      Load.pause(Duration.ofMillis(200));
    }
  }

  private static void awaitNoneQueued() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String sql = "SELECT count(*) FROM " + schema + ".runs WHERE state = 'QUEUED'";
    while (standby.count(sql) > 0) {
      assertThat(System.nanoTime()).as("open holds resolve by their TTL").isLessThan(deadline);
      Load.pause(Duration.ofMillis(200));
    }
    assertThat(
            standby.count("SELECT coalesce(sum(reserved), 0) FROM " + schema + ".credit_sources"))
        .isZero();
  }

  /** A primary with its synchronous standby, as the test needs them. */
  private static boolean inSync() {
    try (Connection p = primary.connect(primary.url);
        Connection s = standby.connect(standby.url)) {
      boolean primaryIsPrimary =
          !(Boolean) TestPostgres.query(p, "SELECT pg_is_in_recovery() AS r").getFirst().get("r");
      boolean standbyIsStandby =
          (Boolean) TestPostgres.query(s, "SELECT pg_is_in_recovery() AS r").getFirst().get("r");
      Object sync =
          TestPostgres.query(
                  p, "SELECT count(*) AS n FROM pg_stat_replication WHERE sync_state = 'sync'")
              .getFirst()
              .get("n");
      return primaryIsPrimary && standbyIsStandby && ((Number) sync).longValue() == 1;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void run(String... command) {
    try {
      Path out = Files.createTempFile("failover-command", ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed:\n"
                + Files.readString(out, StandardCharsets.UTF_8));
      }
      Files.deleteIfExists(out);
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String hostAndPort(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:postgresql://".length());
    return rest.substring(0, rest.indexOf('/'));
  }

  private static String database(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:postgresql://".length());
    String path = rest.substring(rest.indexOf('/') + 1);
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
