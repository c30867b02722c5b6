package dev.agentcredits.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Submits from the members of BUILD teams, each billed to the member's own pool, round robin so
 * that no member is asked for more than its 1,500 plan credits fund.
 */
final class SpreadWorkload implements Workload {
  /** A BUILD member's 1,500 plan credits fund 75 start holds of 20. */
  static final int RUNS_PER_MEMBER = 75;

  private List<Provisioning.Member> members = List.of();
  private Load.Result measured = Load.Result.empty("spread");

  @Override
  public String name() {
    return "spread";
  }

  @Override
  public void provision(Provisioning provisioning, BenchOptions options) throws Exception {
    members = provisioning.buildTeams(options.spreadTeams(), options.membersPerTeam());
  }

  @Override
  public Load.Result run(Http http, BenchOptions options, CpuMeter meter) throws Exception {
    measured =
        Workload.measure(
            "spread",
            http,
            options,
            meter,
            Math.min(options.maxRequests(), (long) members.size() * RUNS_PER_MEMBER),
            (n, calls) ->
                calls.post(
                    Bench.SUBMIT,
                    members.get((int) (n % members.size())).key(),
                    Bench.PROMPT,
                    Bench.requestKey(options)));
    return measured;
  }

  @Override
  public void check(Invariants inv) throws Exception {
    List<String> pools = new ArrayList<>();
    members.forEach(m -> pools.add(m.poolId()));
    var totals = inv.pools("spread", pools);
    inv.counts(
        "spread",
        "runs accepted (201) = runs stored QUEUED",
        measured.withStatus(201),
        measured.errors(),
        totals.queued());
    inv.counts(
        "spread",
        "runs refused (403) = runs stored FAILED",
        measured.withStatus(403),
        measured.errors(),
        totals.failed());
    inv.check(
        "spread",
        "accepted x 20 = credits held in the members' pools",
        totals.held() == totals.queued() * Bench.START_HOLD,
        totals.queued() + " queued runs, " + totals.held() + " credits held");
    inv.check(
        "spread",
        "every answer was 201 (no member asked for more than its credits fund)",
        measured.ok() == measured.requests(),
        "statuses " + measured.statuses() + ", errors " + measured.errors());
  }
}
