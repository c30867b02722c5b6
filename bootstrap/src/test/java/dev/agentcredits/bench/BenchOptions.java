package dev.agentcredits.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one benchmark run does: how long and how hard each workload runs, where PostgreSQL is, and
 * whether the service runs as the packaged jar (a process of its own) or inside the driver's JVM.
 *
 * @param clients concurrent HTTP clients per workload
 * @param duration how long each measured workload runs at most
 * @param maxRequests how many requests (HTTP calls) each measured workload sends at most
 * @param warmup how long the service is driven before anything is measured (JIT warm-up)
 * @param ceilingDuration how long pgbench runs to measure B; zero skips the ceiling
 * @param jvmArgs JVM flags of the service process (jar mode only; comma-separated on the command
 *     line, since bench/run's arguments must not contain spaces); {@code -Xmx256m} by default
 * @param workloads which of {@link #ALL_WORKLOADS} run
 * @param idempotencyKeys whether every submit of {@code hot}, {@code spread} and {@code mixed}
 *     carries an {@code Idempotency-Key} of its own ({@code hot-keyed} always does)
 * @param usageRuns how many runs each usage workload submits before it is measured, to report usage
 *     against round robin
 */
record BenchOptions(
    Mode mode,
    int clients,
    Duration duration,
    long maxRequests,
    Duration warmup,
    int spreadTeams,
    int membersPerTeam,
    Duration ceilingDuration,
    String dbHost,
    int dbPort,
    String dbUser,
    String dbPassword,
    String database,
    Path jar,
    List<String> jvmArgs,
    Path outputDir,
    Set<String> workloads,
    boolean idempotencyKeys,
    int usageRuns) {

  /** Every workload, in the order they run. */
  static final List<String> ORDER =
      List.of("hot", "hot-keyed", "spread", "mixed", "usage-single", "usage-batch");

  static final Set<String> ALL_WORKLOADS = Set.copyOf(ORDER);

  static final String SERVICE_HEAP = "-Xmx256m";

  enum Mode {
    JAR,
    IN_PROCESS
  }

  BenchOptions {
    if (clients < 1 || spreadTeams < 1 || membersPerTeam < 1 || maxRequests < 1 || usageRuns < 1) {
      throw new IllegalArgumentException(
          "clients, teams, members, requests and usage runs must be positive");
    }
    if (workloads.isEmpty() || !ALL_WORKLOADS.containsAll(workloads)) {
      throw new IllegalArgumentException("workloads are some of " + ORDER);
    }
    workloads = Set.copyOf(workloads);
  }

  String jdbcUrl(String db) {
    return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + db;
  }

  /** Defaults of the full run, each overridable as {@code --name=value}. */
  static BenchOptions parse(List<String> args) {
    Map<String, String> v = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, not " + arg);
      }
      v.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    // The heap README.md runs the service with; the JVM's own default is a quarter of the RAM.
    String jvm = v.getOrDefault("service-jvm-args", SERVICE_HEAP).strip();
    BenchOptions options =
        new BenchOptions(
            Mode.valueOf(
                v.getOrDefault("mode", "jar").toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
            Integer.parseInt(v.getOrDefault("clients", "16")),
            Duration.ofSeconds(Long.parseLong(v.getOrDefault("seconds", "20"))),
            Long.parseLong(v.getOrDefault("max-requests", "500000")),
            Duration.ofSeconds(Long.parseLong(v.getOrDefault("warmup-seconds", "30"))),
            Integer.parseInt(v.getOrDefault("spread-teams", "100")),
            Integer.parseInt(v.getOrDefault("members-per-team", "10")),
            Duration.ofSeconds(Long.parseLong(v.getOrDefault("pgbench-seconds", "20"))),
            v.getOrDefault("db-host", "127.0.0.1"),
            Integer.parseInt(v.getOrDefault("db-port", "5432")),
            v.getOrDefault("db-user", "postgres"),
            v.getOrDefault("db-password", ""),
            v.getOrDefault("database", "agent_credits_bench"),
            Path.of(v.getOrDefault("jar", "bootstrap/target/agent-credits.jar")),
            jvm.isEmpty() ? List.of() : List.of(jvm.split(",")),
            Path.of(v.getOrDefault("out", "target/bench")),
            Set.of(v.getOrDefault("workloads", String.join(",", ORDER)).split(",")),
            Boolean.parseBoolean(v.getOrDefault("idempotency-keys", "false")),
            Integer.parseInt(v.getOrDefault("usage-runs", "5000")));
    return options;
  }
}
