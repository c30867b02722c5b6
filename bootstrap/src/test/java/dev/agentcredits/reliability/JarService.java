package dev.agentcredits.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar ({@code bootstrap/target/agent-credits.jar}, built by {@code package}) as a
 * child process, started the way an operator starts it: {@code java -jar} with environment
 * variables. Its output goes to a log file; {@link #kill9()} sends SIGKILL, as a crash would.
 */
final class JarService implements AutoCloseable {
  private static final HttpClient PROBE =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  private final Map<String, String> environment;
  private final int port;
  private final Path log;
  private Process process;
  private int starts;
  private String lastOutput = "";

  JarService(Map<String, String> environment, Path log) {
    this.port = freePort();
    this.environment = new LinkedHashMap<>(environment);
    this.environment.put("AGENT_CREDITS_HTTP_PORT", Integer.toString(port));
    this.log = log;
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("agentcredits.jar", "target/agent-credits.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath() + " is missing: the crash tests run after `package` (failsafe)");
    }
    return jar;
  }

  int port() {
    return port;
  }

  int starts() {
    return starts;
  }

  /** Starts the jar and waits until {@code /health/ready} answers 200. */
  void start() {
    launch();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the jar exited with " + process.exitValue() + ":\n" + tail());
      }
      if (ready()) {
        return;
      }
      sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the jar did not become ready within 60 s:\n" + tail());
  }

  /** The running jar's process (its children are the helpers it started). */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /** Starts the jar and expects it to refuse: answers its exit status and what it printed. */
  int startAndExpectExit(Duration within) {
    String before = output();
    launch();
    try {
      if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("the jar did not exit within " + within + ":\n" + tail());
      }
      lastOutput = output().substring(before.length());
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the last {@link #startAndExpectExit} printed. */
  String lastOutput() {
    return lastOutput;
  }

  private void launch() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder =
        new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar().toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(log.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    starts++;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no shutdown hook runs, requests in flight are cut off. */
  void kill9() {
    try {
      new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start().waitFor();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, the orderly stop; forced after 20 s. */
  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String tail() {
    String all = output();
    return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
  }

  private boolean ready() {
    try {
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
