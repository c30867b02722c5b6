package dev.agentcredits.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One benchmark run against a started service: provisions the teams, drives the three workloads
 * over HTTP and checks the invariants in the database afterwards.
 *
 * <ul>
 *   <li><b>hot</b>: every submit with one team API key of an ENTERPRISE team, so every request
 *       bills the same team pool (one row takes all the traffic);
 *   <li><b>spread</b>: submits from the members of BUILD teams, each billed to the member's own
 *       pool, round robin so that no member is asked for more than its 1,500 plan credits fund;
 *   <li><b>mixed</b>: submit, a usage report (operator key) and complete, one after the other, on
 *       another ENTERPRISE team's pool.
 * </ul>
 */
final class Bench {
  static final String SUBMIT = "/api/v1/agent/tasks";
  static final String PROMPT = "{\"prompt\": \"benchmark run\"}";

  /** A BUILD member's 1,500 plan credits fund 75 start holds of 20. */
  static final int RUNS_PER_MEMBER = 75;

  static final int START_HOLD = 20;

  private Bench() {}

  static Report drive(BenchOptions options, Service service, Ceiling.Result ceiling)
      throws Exception {
    Instant started = Instant.now();
    // Other work on the same two cores shows here: a figure to read with care then.
    String loadAverage = ProcStatus.loadAverage();
    Http http = new Http(service.port());
    Provisioning provisioning = new Provisioning(http);
    Provisioning.HotTeam hot = provisioning.enterprise("bench-hot");
    Provisioning.HotTeam mixedTeam = provisioning.enterprise("bench-mixed");
    List<Provisioning.Member> members =
        options.workloads().contains("spread")
            ? provisioning.buildTeams(options.spreadTeams(), options.membersPerTeam())
            : List.of();

    Load.Step hotSubmit =
        (n, calls) -> calls.post(SUBMIT, hot.teamKey(), PROMPT, requestKey(options));
    AtomicLong usageCharged = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    Load.Step mixedStep =
        (n, calls) -> mixedStep(n, calls, mixedTeam, usageCharged, completed, options);
    // The JIT needs tens of seconds on two shared cores: the submit path is warmed on the hot pool
    // before anything is measured, the usage and complete paths on the mixed pool right before the
    // mixed workload (a third of the warm-up). These runs are real; the invariant checks count
    // them.
    Load.Result warmup =
        Load.run(
            "warmup-hot",
            http,
            options.clients(),
            options.warmup(),
            options.maxRequests(),
            hotSubmit);
    Load.Result mixedWarmup = Load.Result.empty("warmup-mixed");
    List<Load.Result> results = new ArrayList<>();
    CpuMeter meter = new CpuMeter(service.pid());
    if (options.workloads().contains("hot")) {
      CpuMeter.Reading before = meter.read();
      Load.Result result =
          Load.run(
              "hot", http, options.clients(), options.duration(), options.maxRequests(), hotSubmit);
      results.add(result.withCpu(meter.read().since(before)));
    }
    if (options.workloads().contains("spread")) {
      CpuMeter.Reading before = meter.read();
      Load.Result result =
          Load.run(
              "spread",
              http,
              options.clients(),
              options.duration(),
              Math.min(options.maxRequests(), (long) members.size() * RUNS_PER_MEMBER),
              (n, calls) ->
                  calls.post(
                      SUBMIT,
                      members.get((int) (n % members.size())).key(),
                      PROMPT,
                      requestKey(options)));
      results.add(result.withCpu(meter.read().since(before)));
    }
    if (options.workloads().contains("mixed")) {
      mixedWarmup =
          Load.run(
              "warmup-mixed",
              http,
              options.clients(),
              options.warmup().dividedBy(3),
              options.maxRequests() / 3,
              mixedStep);
      CpuMeter.Reading before = meter.read();
      Load.Result result =
          Load.run(
              "mixed",
              http,
              options.clients(),
              options.duration(),
              options.maxRequests() / 3,
              mixedStep);
      results.add(result.withCpu(meter.read().since(before)));
    }
    Service.Memory memory = service.peakMemory();

    List<Invariants.Check> checks;
    try (Invariants invariants = new Invariants(service.database())) {
      Load.Result none = Load.Result.empty("hot");
      checkHot(invariants, hot, warmup, find(results, "hot").orElse(none));
      if (find(results, "spread").isPresent()) {
        checkSpread(invariants, members, find(results, "spread").get());
      }
      if (find(results, "mixed").isPresent()) {
        checkMixed(
            invariants,
            mixedTeam,
            find(results, "mixed").get(),
            mixedWarmup,
            usageCharged.get(),
            completed.get());
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

  /** A key of its own for each submit, when the run sends them. */
  private static String requestKey(BenchOptions options) {
    return options.idempotencyKeys() ? "bench-" + UUID.randomUUID() : null;
  }

  private static java.util.Optional<Load.Result> find(List<Load.Result> results, String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** Submit, report usage (operator key), complete: one run's life on the mixed team's pool. */
  private static void mixedStep(
      long n,
      Load.Calls calls,
      Provisioning.HotTeam team,
      AtomicLong usageCharged,
      AtomicLong completed,
      BenchOptions options)
      throws java.io.IOException, InterruptedException {
    Http.Answer submitted = calls.post(SUBMIT, team.teamKey(), PROMPT, requestKey(options));
    if (submitted == null || submitted.status() != 201) {
      return;
    }
    String task = SUBMIT + "/" + submitted.json().path("task_id").asText();
    long credits = 1 + n % 37;
    Http.Answer usage =
        calls.post(
            task + "/usage",
            Service.OPERATOR_KEY,
            "{\"usage_id\": \"u-%d\", \"credits\": %d}".formatted(n, credits));
    if (usage != null && usage.status() == 200) {
      usageCharged.addAndGet(credits);
    }
    Http.Answer done = calls.post(task + "/complete", team.teamKey(), null);
    if (done != null && done.status() == 200) {
      completed.incrementAndGet();
    }
  }

  /** Nothing completed on the hot pool: every accepted submit still holds exactly 20 credits. */
  private static void checkHot(
      Invariants inv, Provisioning.HotTeam hot, Load.Result warmup, Load.Result measured)
      throws Exception {
    var totals = inv.pools("hot", List.of(hot.poolId()));
    long accepted = warmup.withStatus(201) + measured.withStatus(201);
    long unknown = warmup.errors() + measured.errors();
    inv.counts(
        "hot", "runs accepted (201) = runs stored QUEUED", accepted, unknown, totals.queued());
    inv.check(
        "hot",
        "accepted x 20 = credits held in the hot pool",
        totals.held() == totals.queued() * START_HOLD
            && (unknown > 0 || totals.held() == accepted * START_HOLD),
        accepted + " x " + START_HOLD + " = " + accepted * START_HOLD + ", held " + totals.held());
    inv.check(
        "hot",
        "every answer was 201",
        measured.ok() == measured.requests() && warmup.ok() == warmup.requests(),
        "statuses " + measured.statuses() + ", errors " + measured.errors());
  }

  private static void checkSpread(
      Invariants inv, List<Provisioning.Member> members, Load.Result spread) throws Exception {
    List<String> pools = new ArrayList<>();
    members.forEach(m -> pools.add(m.poolId()));
    var totals = inv.pools("spread", pools);
    inv.counts(
        "spread",
        "runs accepted (201) = runs stored QUEUED",
        spread.withStatus(201),
        spread.errors(),
        totals.queued());
    inv.counts(
        "spread",
        "runs refused (403) = runs stored FAILED",
        spread.withStatus(403),
        spread.errors(),
        totals.failed());
    inv.check(
        "spread",
        "accepted x 20 = credits held in the members' pools",
        totals.held() == totals.queued() * START_HOLD,
        totals.queued() + " queued runs, " + totals.held() + " credits held");
    inv.check(
        "spread",
        "every answer was 201 (no member asked for more than its credits fund)",
        spread.ok() == spread.requests(),
        "statuses " + spread.statuses() + ", errors " + spread.errors());
  }

  private static void checkMixed(
      Invariants inv,
      Provisioning.HotTeam team,
      Load.Result mixed,
      Load.Result warmup,
      long usageCharged,
      long completed)
      throws Exception {
    var totals = inv.pools("mixed", List.of(team.poolId()));
    long unknown = mixed.errors() + warmup.errors();
    inv.counts(
        "mixed",
        "runs completed (200) = runs stored SUCCEEDED",
        completed,
        unknown,
        totals.succeeded());
    inv.check(
        "mixed",
        "credits charged = usage reported and answered 200",
        unknown > 0 || totals.charged() == usageCharged,
        "reported " + usageCharged + ", charged " + totals.charged());
    inv.check(
        "mixed",
        "every answer was 2xx",
        mixed.ok() == mixed.requests() && warmup.ok() == warmup.requests(),
        "statuses " + mixed.statuses() + ", errors " + mixed.errors());
  }
}
