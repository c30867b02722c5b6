package dev.agentcredits.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark run's figures and checks; a workload whose checks failed has no figures, only the
 * word INVALID, in the JSON summary and in the table alike.
 */
record Report(
    Instant started,
    BenchOptions options,
    Ceiling.Result ceiling,
    long startToReadyMillis,
    Service.Memory memory,
    Load.Result warmup,
    List<Load.Result> workloads,
    List<Invariants.Check> checks,
    String loadAverage) {

  boolean passed() {
    return checks.stream().allMatch(Invariants.Check::passed);
  }

  boolean passed(String workload) {
    return checks.stream()
        .filter(c -> c.workload().equals(workload))
        .allMatch(Invariants.Check::passed);
  }

  Load.Result workload(String name) {
    return workloads.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
  }

  ObjectNode toJson() {
    ObjectNode root = Http.JSON.createObjectNode();
    root.put("date", started.toString());
    root.put("valid", passed());
    root.put("load_average_at_start", loadAverage);
    ObjectNode machine = root.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("java", System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    if (ceiling != null) {
      ObjectNode b = root.putObject("ceiling_b");
      b.put("tps", round(ceiling.tps()));
      b.put("command", ceiling.command());
      b.put("what", "pgbench built-in tpcb-like, scale 1, 16 clients, 2 threads, prepared");
    }
    ObjectNode service = root.putObject("service");
    service.put("mode", options.mode().name().toLowerCase(Locale.ROOT));
    service.put("start_to_ready_ms", startToReadyMillis);
    service.put("peak_rss_mb", round(memory.peakRssBytes() / 1048576.0));
    service.put("peak_rss_source", memory.source());
    service.put("jvm_args", String.join(" ", options.jvmArgs()));
    ObjectNode serviceGoals = service.putObject("goals");
    serviceGoals.put("peak_rss", "<= %.0f MB".formatted(Goals.MAX_RSS_MB));
    serviceGoals.put("peak_rss_met", Goals.rssMet(memory));
    serviceGoals.put("start_to_ready", "<= %d ms".formatted(Goals.MAX_START_TO_READY_MS));
    serviceGoals.put("start_to_ready_met", Goals.startMet(startToReadyMillis));
    ObjectNode load = root.putObject("load");
    load.put("clients", options.clients());
    load.put("seconds_per_workload", options.duration().toSeconds());
    load.put("max_requests_per_workload", options.maxRequests());
    load.put("warmup_seconds", options.warmup().toSeconds());
    load.put("spread_members", options.spreadTeams() * options.membersPerTeam());
    load.put("idempotency_keys", options.idempotencyKeys());
    load.put("usage_runs_per_workload", options.usageRuns());
    load.put("usage_events_per_batch", UsageWorkload.BATCH);
    ArrayNode workloadsJson = root.putArray("workloads");
    for (Load.Result w : workloads) {
      ObjectNode node = workloadsJson.addObject();
      node.put("name", w.name());
      node.put("valid", passed(w.name()));
      node.put("requests", w.requests());
      ObjectNode statuses = node.putObject("statuses");
      w.statuses().forEach((k, v) -> statuses.put(Integer.toString(k), v));
      node.put("errors", w.errors());
      node.put("seconds", round(w.elapsedNanos() / 1e9));
      ObjectNode cpu = node.putObject("cpu_core_seconds");
      cpu.put("service", round(w.cpu().service()));
      cpu.put("machine_busy", round(w.cpu().busy()));
      cpu.put("machine_total", round(w.cpu().total()));
      node.put("service_cpu_ms_per_accepted", round(w.serviceCpuMillisPerOk()));
      node.put("commits", w.cpu().commits());
      node.put("commits_per_accepted", round(w.commitsPerOk()));
      node.put("rate_unit", Goals.unit(w.name()));
      Goals.of(w.name())
          .ifPresent(g -> {
            node.put("goal", g.text());
            Boolean met = g.met(w, passed(w.name()), ceiling);
            if (met == null) {
              node.putNull("goal_met");
            } else {
              node.put("goal_met", met);
            }
          });
      if (passed(w.name())) {
        node.put("rate_per_second", round(w.rate()));
        node.put("accepted_per_second", round(w.okPerSecond()));
        if (w.countsEvents()) {
          node.put("events", w.events());
          node.put("events_per_second", round(w.rate()));
          node.put("requests_per_second", round(w.okPerSecond()));
        }
        node.put("p50_ms", round(w.latencies().percentileMillis(50)));
        node.put("p99_ms", round(w.latencies().percentileMillis(99)));
        node.put("p99_9_ms", round(w.latencies().percentileMillis(99.9)));
        node.put("max_ms", round(w.latencies().percentileMillis(100)));
        if (ceiling != null) {
          node.put("ratio_to_b", round(w.rate() / ceiling.tps()));
        }
      }
    }
    ArrayNode checksJson = root.putArray("checks");
    for (Invariants.Check c : checks) {
      ObjectNode node = checksJson.addObject();
      node.put("workload", c.workload());
      node.put("check", c.name());
      node.put("passed", c.passed());
      node.put("detail", c.detail());
    }
    return root;
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Http.JSON
        .writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("summary.json").toFile(), toJson());
  }

  /** The table for a terminal and for README.md (Markdown). */
  String table() {
    return ReportTable.render(this);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
