package dev.agentcredits.bench;

import java.util.List;
import java.util.UUID;

/**
 * Submits with one team API key of an ENTERPRISE team, so every request bills the same team pool
 * (one row takes all the traffic): {@code hot}, and {@code hot-keyed}, where every submit carries
 * an {@code Idempotency-Key} of its own, as a platform that may retry sends it. Nothing completes,
 * so every accepted submit still holds its start hold afterwards.
 */
final class HotWorkload implements Workload {
  private final String name;
  private final boolean keyed;
  private Provisioning.HotTeam team;
  private Load.Result warmup;
  private Load.Result measured;

  HotWorkload(String name, boolean keyed) {
    this.name = name;
    this.keyed = keyed;
    this.warmup = Load.Result.empty("warmup-" + name);
    this.measured = Load.Result.empty(name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void provision(Provisioning provisioning, BenchOptions options) throws Exception {
    team = provisioning.enterprise("bench-" + name);
  }

  /**
   * The full warm-up on this pool: the JIT needs tens of seconds on two shared cores, and the
   * submit path is what every workload starts with. These runs are real; the checks count them.
   */
  Load.Result warmUpFully(Http http, BenchOptions options) throws InterruptedException {
    warmup =
        Load.run(
            "warmup-" + name,
            http,
            options.clients(),
            options.warmup(),
            options.maxRequests(),
            step(options));
    return warmup;
  }

  @Override
  public Load.Result run(Http http, BenchOptions options, CpuMeter meter) throws Exception {
    if (warmup.requests() == 0) {
      warmup = Workload.warmUp(name, http, options, step(options));
    }
    measured = Workload.measure(name, http, options, meter, options.maxRequests(), step(options));
    return measured;
  }

  private Load.Step step(BenchOptions options) {
    String key = team.teamKey();
    return (n, calls) -> calls.post(Bench.SUBMIT, key, Bench.PROMPT, requestKey(options));
  }

  private String requestKey(BenchOptions options) {
    return keyed ? "bench-" + UUID.randomUUID() : Bench.requestKey(options);
  }

  @Override
  public void check(Invariants inv) throws Exception {
    var totals = inv.pools(name, List.of(team.poolId()));
    long accepted = warmup.withStatus(201) + measured.withStatus(201);
    long unknown = warmup.errors() + measured.errors();
    inv.counts(
        name, "runs accepted (201) = runs stored QUEUED", accepted, unknown, totals.queued());
    inv.check(
        name,
        "accepted x 20 = credits held in the pool",
        totals.held() == totals.queued() * Bench.START_HOLD
            && (unknown > 0 || totals.held() == accepted * Bench.START_HOLD),
        accepted
            + " x "
            + Bench.START_HOLD
            + " = "
            + accepted * Bench.START_HOLD
            + ", held "
            + totals.held());
    inv.check(
        name,
        "every answer was 201",
        measured.ok() == measured.requests() && warmup.ok() == warmup.requests(),
        "statuses %s (warm-up %s), errors %d"
            .formatted(measured.statuses(), warmup.statuses(), unknown));
  }
}
