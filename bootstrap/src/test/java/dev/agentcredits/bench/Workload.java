package dev.agentcredits.bench;

/**
 * One workload of the benchmark: what it provisions before anything is measured, how it drives the
 * service (its own short warm-up first, where its paths differ from the submit path), and the
 * invariant checks that vouch for its figures.
 */
interface Workload {
  String name();

  /** Teams, members, runs: everything the workload needs, set up before any measurement. */
  void provision(Provisioning provisioning, BenchOptions options) throws Exception;

  /** Drives the workload and answers what was measured (warm-up calls not included). */
  Load.Result run(Http http, BenchOptions options, CpuMeter meter) throws Exception;

  /** Checks the database against what the driver saw, warm-up calls included. */
  void check(Invariants invariants) throws Exception;

  /** A measured run of {@code step}, with the service's and the machine's CPU over it. */
  static Load.Result measure(
      String name, Http http, BenchOptions options, CpuMeter meter, long maxSteps, Load.Step step)
      throws InterruptedException {
    CpuMeter.Reading before = meter.read();
    Load.Result result =
        Load.run(name, http, options.clients(), options.duration(), maxSteps, step);
    return result.withCpu(meter.read().since(before));
  }

  /** A warm-up of a third of the configured one, for the paths the hot warm-up does not reach. */
  static Load.Result warmUp(String name, Http http, BenchOptions options, Load.Step step)
      throws InterruptedException {
    return Load.run(
        "warmup-" + name,
        http,
        options.clients(),
        options.warmup().dividedBy(3),
        options.maxRequests() / 3,
        step);
  }
}
