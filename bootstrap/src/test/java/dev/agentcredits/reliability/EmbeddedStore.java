package dev.agentcredits.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The default store of a jar started by a test, seen from outside: the PostgreSQL server it runs on
 * {@code <data dir>/postgres} (found through the server's {@code postmaster.pid}), its processes,
 * the watchdog the service started, and SQL on it with the suite's tools.
 */
record EmbeddedStore(Path dataDir) {
  /** The environment of a jar on this store: manual clock, memory broker, a known operator key. */
  Map<String, String> jarEnvironment(String operatorKey) {
    return Map.of(
        "AGENT_CREDITS_STORE",
        "embedded",
        "AGENT_CREDITS_DATA_DIR",
        dataDir.toString(),
        "AGENT_CREDITS_CLOCK",
        "manual",
        "AGENT_CREDITS_CLOCK_START",
        InProcessService.CLOCK_START.toString(),
        "AGENT_CREDITS_OPERATOR_KEY",
        operatorKey,
        "AGENT_CREDITS_BROKER",
        "memory");
  }

  Path clusterDir() {
    return dataDir.resolve("postgres");
  }

  /** The lines of postmaster.pid: PID, data directory, start time, port, ... */
  Optional<List<String>> pidFile() {
    try {
      Path file = clusterDir().resolve("postmaster.pid");
      return Files.exists(file)
          ? Optional.of(Files.readAllLines(file, StandardCharsets.US_ASCII))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  Optional<ProcessHandle> postmaster() {
    return pidFile()
        .map(lines -> Long.parseLong(lines.getFirst().strip()))
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive);
  }

  /** The server and every process it forked (backends, checkpointer, WAL writer, ...). */
  List<ProcessHandle> serverProcesses() {
    return postmaster()
        .map(p -> Stream.concat(Stream.of(p), p.descendants()).toList())
        .orElse(List.of());
  }

  int port() {
    return Integer.parseInt(pidFile().orElseThrow().get(3).strip());
  }

  /** The suite's SQL tools on the running server (its port changes with every start). */
  TestPostgres db() {
    return TestPostgres.at("jdbc:postgresql://127.0.0.1:" + port() + "/postgres", "postgres", "");
  }

  /** The watchdog shell the service started to stop the server when the service dies. */
  static Optional<ProcessHandle> watchdogOf(JarService service) {
    return service
        .handle()
        .children()
        .filter(child -> child.info().commandLine().orElse("").contains("postgres-watchdog"))
        .findFirst();
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
