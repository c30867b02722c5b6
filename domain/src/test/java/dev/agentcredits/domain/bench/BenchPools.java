package dev.agentcredits.domain.bench;

import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.principal.PoolKind;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The pools the benchmarks work on: what a busy member's pool looks like mid-cycle. */
final class BenchPools {
  static final Instant NOW = Instant.parse("2031-03-05T12:00:00Z");
  static final Duration CYCLE = Duration.ofDays(30);
  static final long INCLUDED = 1_500;
  static final TeamId TEAM = new TeamId("team_bench");
  static final MemberId MEMBER = new MemberId("mem_bench");

  private BenchPools() {}

  /**
   * A member pool with the current plan cycle nearly spent and three add-on lots expiring at
   * different times, so a reservation of 20 crosses from the plan cycle into the first lot.
   */
  static Pool memberPoolWithLots() {
    Instant cycleStart = NOW.minus(Duration.ofDays(4));
    return new Pool(
        new PoolId("m:" + MEMBER.value()),
        PoolKind.MEMBER,
        TEAM,
        MEMBER,
        cycleStart,
        cycleStart,
        0,
        List.of(
            source("plan-1", SourceKind.PLAN, 10, cycleStart, cycleStart.plus(CYCLE)),
            source("lot-1", SourceKind.ADD_ON, 400, NOW.minus(Duration.ofDays(60)), days(300)),
            source("lot-2", SourceKind.ADD_ON, 1_000, NOW.minus(Duration.ofDays(30)), days(330)),
            source("lot-3", SourceKind.ADD_ON, 3_000, NOW.minus(Duration.ofDays(2)), days(360))),
        AutoReloadSettings.off(Credits.of(100)),
        null);
  }

  private static Instant days(long days) {
    return NOW.plus(Duration.ofDays(days));
  }

  private static CreditSource source(
      String id, SourceKind kind, long remaining, Instant acquired, Instant expires) {
    return new CreditSource(new SourceId(id), kind, remaining, 0, acquired, expires);
  }
}
