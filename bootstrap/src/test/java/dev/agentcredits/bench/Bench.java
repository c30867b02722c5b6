package dev.agentcredits.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One benchmark run against a started service: provisions what the chosen workloads need, warms the
 * submit path up on the hot pool, drives each workload over HTTP in {@link BenchOptions#ORDER}, and
 * checks the invariants in the database afterwards:
 *
 * <ul>
 *   <li><b>hot</b>, <b>hot-keyed</b>: submits on one ENTERPRISE team pool ({@link HotWorkload});
 *   <li><b>spread</b>: submits from the members of BUILD teams ({@link SpreadWorkload});
 *   <li><b>mixed</b>: submit, usage, complete on one pool ({@link MixedWorkload});
 *   <li><b>usage-single</b>, <b>usage-batch</b>: usage reports one per call, or 100 per call
 *       through the batch endpoint ({@link UsageWorkload}).
 * </ul>
 */
final class Bench {
  static final String SUBMIT = "/api/v1/agent/tasks";
  static final String PROMPT = "{\"prompt\": \"benchmark run\"}";
  static final int START_HOLD = 20;

  private Bench() {}

  static Report drive(BenchOptions options, Service service, Ceiling.Result ceiling)
      throws Exception {
    Instant started = Instant.now();
    // Other work on the same two cores shows here: a figure to read with care then.
    String loadAverage = ProcStatus.loadAverage();
    Http http = new Http(service.port());
    Provisioning provisioning = new Provisioning(http);
    // The hot pool is always there: the warm-up runs on it whichever workloads are chosen.
    HotWorkload hot = new HotWorkload("hot", false);
    List<Workload> chosen = new ArrayList<>();
    for (String name : BenchOptions.ORDER) {
      if (options.workloads().contains(name)) {
        chosen.add(name.equals("hot") ? hot : create(name));
      }
    }
    List<Workload> all = new ArrayList<>(chosen);
    if (!all.contains(hot)) {
      all.addFirst(hot);
    }
    for (Workload w : all) {
      w.provision(provisioning, options);
    }

    Load.Result warmup = hot.warmUpFully(http, options);
    List<Load.Result> results = new ArrayList<>();
    CpuMeter meter = new CpuMeter(service.pid(), service.database());
    for (Workload w : chosen) {
      results.add(w.run(http, options, meter));
    }
    Service.Memory memory = service.peakMemory();

    List<Invariants.Check> checks;
    try (Invariants invariants = new Invariants(service.database())) {
      for (Workload w : all) {
        w.check(invariants);
      }
      checks = invariants.checks();
    }
    return new Report(
        started,
        options,
        ceiling,
        service.startToReadyMillis(),
        memory,
        warmup,
        results,
        checks,
        loadAverage);
  }

  private static Workload create(String name) {
    return switch (name) {
      case "hot-keyed" -> new HotWorkload("hot-keyed", true);
      case "spread" -> new SpreadWorkload();
      case "mixed" -> new MixedWorkload();
      case "usage-single" -> UsageWorkload.single();
      case "usage-batch" -> UsageWorkload.batch();
      default -> throw new IllegalArgumentException("no workload " + name);
    };
  }

  /** A key of its own for each submit, when the run sends them ({@code --idempotency-keys}). */
  static String requestKey(BenchOptions options) {
    return options.idempotencyKeys() ? "bench-" + UUID.randomUUID() : null;
  }
}
