package dev.agentcredits.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as a user runs it, {@code java -jar agent-credits.jar}, in a process of its
 * own on an external PostgreSQL, so its start time and peak RSS are its own. Its log goes to a file
 * next to the summary.
 */
final class JarService implements Service {
  private final Process process;
  private final int port;
  private final long startToReadyMillis;
  private final Database database;

  private JarService(Process process, int port, long startToReadyMillis, Database database) {
    this.process = process;
    this.port = port;
    this.startToReadyMillis = startToReadyMillis;
    this.database = database;
  }

  static JarService start(BenchOptions options, Database database) throws IOException {
    if (!Files.isRegularFile(options.jar())) {
      throw new IllegalStateException(
          options.jar() + " is missing: build it first (./mvnw -B -q -DskipTests package)");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options.jvmArgs());
    command.addAll(List.of("-jar", options.jar().toString()));
    Files.createDirectories(options.outputDir());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(options.outputDir().resolve("service.log").toFile());
    builder
        .environment()
        .putAll(
            Map.of(
                "AGENT_CREDITS_HTTP_PORT",
                Integer.toString(port),
                "AGENT_CREDITS_OPERATOR_KEY",
                OPERATOR_KEY,
                "AGENT_CREDITS_STORE",
                "postgres",
                "AGENT_CREDITS_DB_URL",
                database.url(),
                "AGENT_CREDITS_DB_USER",
                database.user(),
                "AGENT_CREDITS_DB_PASSWORD",
                database.password(),
                "AGENT_CREDITS_BROKER",
                "memory",
                "AGENT_CREDITS_CLOCK",
                "system",
                // One key sends all of the hot pool's traffic: a per-key rate limit (where the
                // build has one) would measure itself, not admission.
                "AGENT_CREDITS_RATE_LIMIT_PER_SECOND",
                "0"));
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      Readiness.await(port, Duration.ofSeconds(60), process::isAlive);
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new JarService(process, port, millis, database);
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String pid() {
    return Long.toString(process.pid());
  }

  @Override
  public long startToReadyMillis() {
    return startToReadyMillis;
  }

  @Override
  public Memory peakMemory() {
    return new Memory(
        ProcStatus.peakRss(Long.toString(process.pid())), "service process (java -jar), VmHWM");
  }

  @Override
  public Database database() {
    return database;
  }

  /** SIGTERM, as an operator would stop it; killed if it does not stop within 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
