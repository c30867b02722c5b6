package dev.agentcredits.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a dead service may have left on its data directory, found through PostgreSQL's own lock file
 * {@code postmaster.pid}: a server still running (stopped with a fast shutdown, which checkpoints),
 * or a lock file whose server is gone (removed, so the new server does not take an unrelated
 * process that reused the PID for itself). Only called while holding {@link DataDirectoryOwner}, so
 * nothing found here belongs to a live service.
 */
final class LeftoverServer {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
  private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
  private static final Duration AFTER_KILL = Duration.ofSeconds(10);

  private LeftoverServer() {}

  static Path pidFile(Path dataDir) {
    return dataDir.resolve("postmaster.pid");
  }

  /** The PID of the server named in {@code postmaster.pid}, if the file is there. */
  static Optional<Long> recordedPid(Path dataDir) {
    try {
      List<String> lines = Files.readAllLines(pidFile(dataDir), StandardCharsets.US_ASCII);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The running postmaster named in {@code postmaster.pid}, if it is a live PostgreSQL server. */
  static Optional<ProcessHandle> running(Path dataDir) {
    return recordedPid(dataDir)
        .flatMap(ProcessHandle::of)
        .filter(process -> !ProcessStatus.gone(process))
        .filter(process -> command(process).map(LeftoverServer::isPostgres).orElse(false));
  }

  /** Leaves the directory with no server running on it and no stale {@code postmaster.pid}. */
  static void clear(Path dataDir) {
    Optional<Long> pid = recordedPid(dataDir);
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
    if (process.isPresent() && ProcessStatus.gone(process.get())) {
      // Killed, not yet reaped by its parent (PID 1 in a container may never reap it): it holds
      // nothing, answers no signal and will not exit any further. PostgreSQL's own check would
      // take it for a running server, so the lock file goes.
      LOG.info(
          "the PostgreSQL server named in {} (PID {}) has exited (a zombie not yet reaped)",
          pidFile(dataDir),
          pid.get());
      process = Optional.empty();
    }
    if (process.isPresent()) {
      Optional<String> command = command(process.get());
      if (command.isEmpty()) {
        // Cannot tell what it is: PostgreSQL's own check of postmaster.pid decides at start.
        return;
      }
      if (isPostgres(command.get())) {
        LOG.warn(
            "a PostgreSQL server (PID {}) left behind by a service that died still runs on {}:"
                + " stopping it (fast shutdown), waiting up to {} s for it to exit",
            pid.get(),
            dataDir.toAbsolutePath(),
            FAST_SHUTDOWN.toSeconds());
        stop(process.get());
        LOG.info("the left-over PostgreSQL server (PID {}) has stopped", pid.get());
      }
    }
    Path pidFile = pidFile(dataDir);
    try {
      if (Files.deleteIfExists(pidFile)) {
        LOG.info(
            "removed the stale lock file {} (its server, PID {}, is gone)", pidFile, pid.get());
      }
    } catch (IOException e) {
      throw EmbeddedDataDirectory.refusal(
          dataDir, "has a stale postmaster.pid that cannot be removed (" + e + ")");
    }
  }

  private static void stop(ProcessHandle server) {
    signal(server, "INT");
    if (await(server, FAST_SHUTDOWN)) {
      return;
    }
    LOG.warn(
        "PostgreSQL (PID {}) did not stop within {} s: killing it, waiting up to {} s",
        server.pid(),
        FAST_SHUTDOWN.toSeconds(),
        AFTER_KILL.toSeconds());
    server.destroyForcibly();
    if (!await(server, AFTER_KILL)) {
      throw new EmbeddedDatabaseException(
          "cannot stop the left-over PostgreSQL server, PID " + server.pid());
    }
  }

  /** SIGINT is PostgreSQL's fast shutdown; Windows has no signals, only termination. */
  private static void signal(ProcessHandle server, String signal) {
    if (System.getProperty("os.name").startsWith("Windows")) {
      server.destroy();
      return;
    }
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(server.pid()))
              .redirectErrorStream(true)
              .start();
      kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      kill.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      server.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedDatabaseException("interrupted while stopping PostgreSQL", e);
    }
  }

  /**
   * Polls rather than {@code onExit()}: a process that is not our child and became a zombie never
   * completes {@code onExit()} until someone reaps it.
   */
  private static boolean await(ProcessHandle process, Duration timeout) {
    try {
      return ProcessStatus.awaitGone(process, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedDatabaseException("interrupted while stopping PostgreSQL", e);
    }
  }

  private static Optional<String> command(ProcessHandle process) {
    return process.info().command();
  }

  private static boolean isPostgres(String command) {
    String name = Path.of(command).getFileName().toString();
    return name.startsWith("postgres") || name.startsWith("postmaster");
  }
}
