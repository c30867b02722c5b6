package dev.agentcredits.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Submit, a usage report (operator key) and complete, one after the other, on an ENTERPRISE team's
 * pool of its own. Its rate counts every call answered 2xx: operations per second.
 */
final class MixedWorkload implements Workload {
  private final AtomicLong usageCharged = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private Provisioning.HotTeam team;
  private Load.Result warmup = Load.Result.empty("warmup-mixed");
  private Load.Result measured = Load.Result.empty("mixed");

  @Override
  public String name() {
    return "mixed";
  }

  @Override
  public void provision(Provisioning provisioning, BenchOptions options) throws Exception {
    team = provisioning.enterprise("bench-mixed");
  }

  @Override
  public Load.Result run(Http http, BenchOptions options, CpuMeter meter) throws Exception {
    Load.Step step = (n, calls) -> step(n, calls, options);
    // The usage and complete paths are warmed here, right before they are measured.
    warmup = Workload.warmUp("mixed", http, options, step);
    measured = Workload.measure("mixed", http, options, meter, options.maxRequests() / 3, step);
    return measured;
  }

  /** One run's life; usage ids only need to be unique per run, so {@code n} may repeat. */
  private void step(long n, Load.Calls calls, BenchOptions options)
      throws IOException, InterruptedException {
    Http.Answer submitted =
        calls.post(Bench.SUBMIT, team.teamKey(), Bench.PROMPT, Bench.requestKey(options));
    if (submitted == null || submitted.status() != 201) {
      return;
    }
    String task = Bench.SUBMIT + "/" + submitted.json().path("task_id").asText();
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

  @Override
  public void check(Invariants inv) throws Exception {
    var totals = inv.pools("mixed", List.of(team.poolId()));
    long unknown = measured.errors() + warmup.errors();
    inv.counts(
        "mixed",
        "runs completed (200) = runs stored SUCCEEDED",
        completed.get(),
        unknown,
        totals.succeeded());
    inv.check(
        "mixed",
        "credits charged = usage reported and answered 200",
        unknown > 0 || totals.charged() == usageCharged.get(),
        "reported " + usageCharged.get() + ", charged " + totals.charged());
    inv.check(
        "mixed",
        "every answer was 2xx",
        measured.ok() == measured.requests() && warmup.ok() == warmup.requests(),
        "statuses " + measured.statuses() + ", errors " + measured.errors());
  }
}
