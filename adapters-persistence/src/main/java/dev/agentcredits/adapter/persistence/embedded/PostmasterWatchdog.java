package dev.agentcredits.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded server from outliving its service: a small shell, started by the service,
 * waits on a pipe whose other end only the service holds. When the service dies, however it dies
 * (kill -9 included), the operating system closes that end, the shell reads end-of-file and asks
 * the server for a fast shutdown, unless the server has meanwhile been replaced. Not on Windows (no
 * POSIX shell): there the next start stops a left-over server instead ({@link LeftoverServer}).
 */
final class PostmasterWatchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);
  private static final String SCRIPT =
      """
      while read -r _; do :; done
      if [ "$(head -n 1 "$2" 2>/dev/null)" = "$1" ]; then kill -INT "$1"; fi
      """;

  private final Process shell;

  private PostmasterWatchdog(Process shell) {
    this.shell = shell;
  }

  /** Starts guarding the server {@code postmasterPid} running on {@code dataDir}, if possible. */
  static Optional<PostmasterWatchdog> guard(long postmasterPid, Path dataDir) {
    if (System.getProperty("os.name").startsWith("Windows")) {
      return Optional.empty();
    }
    String pidFile = LeftoverServer.pidFile(dataDir).toAbsolutePath().toString();
    try {
      Process shell =
          new ProcessBuilder(
                  List.of(
                      "sh",
                      "-c",
                      SCRIPT,
                      "agent-credits-postgres-watchdog",
                      Long.toString(postmasterPid),
                      pidFile))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return Optional.of(new PostmasterWatchdog(shell));
    } catch (IOException e) {
      LOG.warn(
          "no watchdog for the embedded PostgreSQL ({}): if this service is killed, the next"
              + " start stops the server it leaves behind",
          e.toString());
      return Optional.empty();
    }
  }

  long pid() {
    return shell.pid();
  }

  /** Stops watching, without touching the server (the service stops it itself). */
  @Override
  public void close() {
    shell.destroyForcibly();
  }
}
