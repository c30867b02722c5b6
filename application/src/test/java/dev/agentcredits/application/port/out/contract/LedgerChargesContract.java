package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.contract.WriteBatchBuilder.aBatch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.DailyCharges;
import dev.agentcredits.application.port.out.PoolCharges;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LedgerStore's usage sums: only charges, per UTC day and per pool, within [from, to). */
public abstract class LedgerChargesContract extends StoreContract {
  private static final Instant DAY_ONE = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant DAY_TWO = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant DAY_THREE = Instant.parse("2026-03-03T00:00:00Z");

  @Test
  void chargesAreSummedPerUtcDayWithTheirRunsCountedOnce() {
    World world = world();
    PoolId pool = world.ownerPool().id();
    append(
        world.ownerPool(),
        List.of(
            TestData.credited(pool, "plan-1", 1_500, DAY_ONE),
            posting(pool, PostingKind.RESERVED, 20, "task_r1", DAY_ONE.plusSeconds(5)),
            posting(pool, PostingKind.CHARGED_FROM_HOLD, 20, "task_r1", DAY_ONE.plusSeconds(9)),
            posting(pool, PostingKind.CHARGED, 7, "task_r1", DAY_ONE.plusSeconds(9)),
            arrears(pool, 3, "task_r1", DAY_ONE.plusSeconds(9)),
            posting(pool, PostingKind.CHARGED, 4, "task_r2", DAY_TWO.minusMillis(1)),
            posting(pool, PostingKind.RELEASED, 9, "task_r2", DAY_TWO.plusSeconds(1)),
            posting(pool, PostingKind.CHARGED, 6, "task_r2", DAY_TWO),
            posting(pool, PostingKind.CHARGED, 100, "task_r3", DAY_THREE)));

    assertThat(stores().ledger().chargesByDay(world.team().id(), List.of(), DAY_ONE, DAY_THREE))
        .containsExactly(
            new DailyCharges(LocalDate.parse("2026-03-01"), 34, 2),
            new DailyCharges(LocalDate.parse("2026-03-02"), 6, 1));
    assertThat(stores().ledger().chargesByPool(world.team().id(), List.of(), DAY_ONE, DAY_THREE))
        .containsExactly(new PoolCharges(pool, 40));
  }

  @Test
  void onlyTheTeamsChargesInTheNamedPoolsCount() {
    World world = world();
    Member member = TeamBuilder.member(world.team(), "m@example.com", Role.MEMBER);
    stores().teams().insertMember(member);
    Pool memberPool = PoolBuilder.aMemberPool(world.team().id(), member.id()).build();
    stores().pools().insert(memberPool, null);
    World other = world();
    PoolId owners = world.ownerPool().id();
    aBatch()
        .pool(world.ownerPool(), null)
        .pool(memberPool, null)
        .postings(
            List.of(
                posting(owners, PostingKind.CHARGED, 5, "task_o", DAY_ONE),
                posting(memberPool.id(), PostingKind.CHARGED, 8, "task_m", DAY_ONE)))
        .writeTo(stores().batches());
    append(
        other.ownerPool(),
        List.of(posting(other.ownerPool().id(), PostingKind.CHARGED, 50, "task_s", DAY_ONE)));
    var team = world.team().id();

    assertThat(stores().ledger().chargesByPool(team, List.of(), DAY_ONE, DAY_TWO))
        .containsExactlyInAnyOrder(new PoolCharges(owners, 5), new PoolCharges(memberPool.id(), 8));
    assertThat(stores().ledger().chargesByDay(team, List.of(memberPool.id()), DAY_ONE, DAY_TWO))
        .containsExactly(new DailyCharges(LocalDate.parse("2026-03-01"), 8, 1));
    assertThat(stores().ledger().chargesByPool(team, List.of(memberPool.id()), DAY_ONE, DAY_TWO))
        .containsExactly(new PoolCharges(memberPool.id(), 8));
    assertThat(stores().ledger().chargesByDay(team, List.of(), DAY_TWO, DAY_THREE)).isEmpty();
  }

  /** Postings are appended with the pool they are on, as use cases write them. */
  private void append(Pool pool, List<Posting> postings) {
    aBatch().pool(pool, null).postings(postings).writeTo(stores().batches());
  }

  private static Posting posting(
      PoolId pool, PostingKind kind, long credits, String run, Instant at) {
    return new Posting(
        pool, kind, credits, new SourceId("plan-1"), SourceKind.PLAN, new RunId(run), "u", at);
  }

  private static Posting arrears(PoolId pool, long credits, String run, Instant at) {
    return new Posting(
        pool, PostingKind.ARREARS_INCURRED, credits, null, null, new RunId(run), "u", at);
  }
}
