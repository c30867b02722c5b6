package dev.agentcredits.domain.bench;

import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PoolTransition;
import dev.agentcredits.domain.pool.ReserveOutcome;
import dev.agentcredits.domain.principal.PrincipalResolution;
import dev.agentcredits.domain.principal.PrincipalResolver;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Team;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The domain's functions on the admission path, each on its own: principal resolution, the
 * waterfall's reservation of a start hold across a plan cycle and add-on lots, a usage charge
 * against a hold, and bringing a pool up to date (nothing due, the common case, and a cycle
 * refresh). Run with {@code ./mvnw -B -q -pl domain -Pjmh test-compile exec:exec} (README.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HotFunctionsBenchmark {
  private final RunId run = new RunId("task_bench");
  private Team selfServe;
  private Team enterprise;
  private Pool pool;
  private Pool held;
  private Hold hold;

  @Setup
  public void setUp() {
    selfServe =
        new Team(
            BenchPools.TEAM,
            "bench",
            Plan.BUILD,
            BenchPools.MEMBER,
            Money.dollars(200),
            BenchPools.NOW);
    enterprise =
        new Team(
            new TeamId("team_ent"),
            "bench",
            Plan.ENTERPRISE,
            new MemberId("mem_owner"),
            Money.dollars(200),
            BenchPools.NOW);
    pool = BenchPools.memberPoolWithLots();
    var reserved = (ReserveOutcome.Reserved) pool.reserve(run, 20, BenchPools.NOW);
    held = reserved.transition().pool();
    hold = reserved.hold();
  }

  @Benchmark
  public PrincipalResolution resolveTeamApiKeyOnSelfServe() {
    return PrincipalResolver.resolve(selfServe, Trigger.TEAM_API_KEY, null);
  }

  @Benchmark
  public PrincipalResolution resolveUserOnSelfServe() {
    return PrincipalResolver.resolve(selfServe, Trigger.USER, BenchPools.MEMBER);
  }

  @Benchmark
  public PrincipalResolution resolveOnEnterprise() {
    return PrincipalResolver.resolve(enterprise, Trigger.TEAM_API_KEY, null);
  }

  /** The start hold of 20: 10 from the plan cycle, 10 from the lot expiring first. */
  @Benchmark
  public ReserveOutcome reserveStartHold() {
    return pool.reserve(run, 20, BenchPools.NOW);
  }

  /** 35 credits of usage: the hold's 20, then 15 through the waterfall. */
  @Benchmark
  public Object chargeUsage() {
    return held.charge(run, hold, "u-1", 35, BenchPools.NOW);
  }

  /** Nothing is due: what every locked admission pays before it reserves. */
  @Benchmark
  public PoolTransition advanceWithNothingDue() {
    return pool.advanceTo(BenchPools.NOW, BenchPools.INCLUDED, BenchPools.CYCLE);
  }

  /** The cycle ended: a refresh of the plan credits and the old cycle's remainder expired. */
  @Benchmark
  public PoolTransition advanceAcrossACycle() {
    return pool.advanceTo(
        BenchPools.NOW.plus(BenchPools.CYCLE), BenchPools.INCLUDED, BenchPools.CYCLE);
  }
}
