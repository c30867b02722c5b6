package dev.agentcredits.bench;

/**
 * A report as a table for a terminal and for README.md (Markdown): one row per workload with its
 * rate (accepted submits, 2xx calls for mixed, events for usage-batch, whose HTTP requests per
 * second follow in brackets), its latencies per HTTP call, and its goal met or not; then the
 * service's goals and every invariant check.
 */
final class ReportTable {
  private ReportTable() {}

  static String render(Report r) {
    BenchOptions options = r.options();
    Ceiling.Result ceiling = r.ceiling();
    StringBuilder t = new StringBuilder();
    t.append("Agent Credits benchmark, ").append(r.started()).append('\n');
    t.append(
        ("%d cores, Java %s; %d HTTP clients, %d s per workload after %d s warm-up; submits %s;"
                + " service: %s%n%n")
            .formatted(
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                options.clients(),
                options.duration().toSeconds(),
                options.warmup().toSeconds(),
                options.idempotencyKeys()
                    ? "each with an Idempotency-Key"
                    : "without keys (but hot-keyed's)",
                options.mode() == BenchOptions.Mode.JAR ? "java -jar, own process" : "in-process"));
    t.append(
        "| workload | per second | x B | p50 ms | p99 ms | p99.9 ms | requests | non-2xx | errors"
            + " | service CPU ms/req | commits/req | machine CPU busy | goal | |\n");
    t.append(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---"
            + " | --- |\n");
    if (ceiling != null) {
      t.append(
          "| B: pgbench tpcb-like, scale 1, 16 clients | %.0f tps | 1.00 | | | | | | | | | | | |%n"
              .formatted(ceiling.tps()));
    }
    for (Load.Result w : r.workloads()) {
      boolean valid = r.passed(w.name());
      var goal = Goals.of(w.name());
      String goalText = goal.map(Goals.Goal::text).orElse("none set");
      String met = goal.map(g -> Goals.verdict(g.met(w, valid, ceiling))).orElse("");
      if (!valid) {
        t.append(
            "| %s | INVALID (invariants broken) | | | | | %d | | | | | | %s | %s |%n"
                .formatted(w.name(), w.requests(), goalText, met));
        continue;
      }
      t.append(
          "| %s | %s | %s | %.1f | %.1f | %.1f | %d | %d | %d | %.2f | %.3f | %.0f%% | %s | %s |%n"
              .formatted(
                  w.name(),
                  rate(w),
                  ceiling == null ? "-" : "%.2f".formatted(w.rate() / ceiling.tps()),
                  w.latencies().percentileMillis(50),
                  w.latencies().percentileMillis(99),
                  w.latencies().percentileMillis(99.9),
                  w.requests(),
                  w.requests() - w.ok() - w.errors(),
                  w.errors(),
                  w.serviceCpuMillisPerOk(),
                  w.commitsPerOk(),
                  w.cpu().total() == 0 ? 0 : 100 * w.cpu().busy() / w.cpu().total(),
                  goalText,
                  met));
    }
    double rssMb = r.memory().peakRssBytes() / 1048576.0;
    t.append(
        "%nstart to ready: %d ms (goal <= %d ms: %s); peak RSS: %.0f MB (%s; goal <= %.0f MB: %s)%n"
            .formatted(
                r.startToReadyMillis(),
                Goals.MAX_START_TO_READY_MS,
                Goals.verdict(Goals.startMet(r.startToReadyMillis())),
                rssMb,
                r.memory().source(),
                Goals.MAX_RSS_MB,
                Goals.verdict(Goals.rssMet(r.memory()))));
    long failed = r.checks().stream().filter(c -> !c.passed()).count();
    t.append("load average at start: %s%n".formatted(r.loadAverage()));
    t.append("invariants: %d checks, %d failed%n".formatted(r.checks().size(), failed));
    for (Invariants.Check c : r.checks()) {
      t.append(
          "  [%s] %s: %s (%s)%n"
              .formatted(c.passed() ? "ok" : "FAILED", c.workload(), c.name(), c.detail()));
    }
    return t.toString();
  }

  /** Events per second with the requests per second in brackets, or 2xx calls per second. */
  private static String rate(Load.Result w) {
    return w.countsEvents()
        ? "%.0f events (%.0f requests)".formatted(w.rate(), w.okPerSecond())
        : "%.0f".formatted(w.rate());
  }
}
